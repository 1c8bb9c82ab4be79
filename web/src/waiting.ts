// What a person asked to send while the connection was down: a request draft,
// a message. Kept in this browser (localStorage, under the account) and sent,
// in the order asked, as soon as the connection returns; the header says how
// many are waiting and the page that asked says what became of its own.
//
// What must hold:
//   - a send is kept only when it could not get through (the network failed,
//     the server was unreachable or busy: 0, 502, 503, 504) and kept waiting
//     while that lasts or the session has lapsed (401, until the person signs
//     in again); any other answer is final and handed back to the page;
//   - a kept send with the same `key` replaces the earlier one (a draft saved
//     twice offline is sent once, as last typed);
//   - when a kept POST creates something (its answer has an id and version),
//     what still waits under the same key becomes a PUT of that thing, so a
//     draft saved again meanwhile is not created twice;
//   - one flush at a time across every tab (a Web Lock), each send read again
//     from storage just before it goes, so no tab sends what another sent;
//   - signing out discards the account's waiting sends and outcomes, so that
//     nothing typed stays in a shared browser.
import { call, currentUser, type ApiError } from './api';
import { signal } from './state';

export interface Waiting {
  key: string; // what it is, for the page that asked: "draft:new", "message:req_1:..."
  method: string;
  path: string;
  body: unknown;
  at: string;
}
// What became of a send, for the page that asked: the answer, or the refusal
// (with what was sent, so that refused words can be put back).
export interface Outcome {
  key: string;
  data: unknown;
  errors: ApiError[];
  sent: unknown;
}

export const waiting = signal<Waiting[]>([]);
export const outcomes = signal<Outcome[]>([]);

// An answer after which the send must wait and go again.
export const mustWait = (status: number) => status === 0 || status === 401 || (status >= 502 && status <= 504);

const storeKey = () => (currentUser.value ? `connex.waiting.${currentUser.value.id}` : '');

function read(): Waiting[] {
  const k = storeKey();
  try {
    const list = k ? JSON.parse(localStorage.getItem(k) || '[]') : [];
    return Array.isArray(list) ? list : [];
  } catch {
    return waiting.value; // storage refused: what this page holds
  }
}

function save(list: Waiting[]) {
  waiting.value = list;
  const k = storeKey();
  if (!k) return;
  try {
    if (list.length) localStorage.setItem(k, JSON.stringify(list));
    else localStorage.removeItem(k);
  } catch {
    // Storage full or refused (private browsing): kept for this page's life only.
  }
}

// The signed-in account's waiting sends, read when the session is known.
export function restoreWaiting() {
  outcomes.value = [];
  waiting.value = read();
  if (waiting.value.length) void flushWaiting();
}

export function keep(w: Omit<Waiting, 'at'>) {
  save([...read().filter((x) => x.key !== w.key), { ...w, at: new Date().toISOString() }]);
}

// Drops what waits under `key` (the page got it through itself).
export function forget(key: string) {
  if (read().some((x) => x.key === key)) save(read().filter((x) => x.key !== key));
}

export function discardWaiting() {
  save([]);
  outcomes.value = [];
}

// The outcome of `key`'s send, taken (a page shows it once).
export function takeOutcome(key: string): Outcome | undefined {
  const found = outcomes.value.find((o) => o.key === key);
  if (found) outcomes.value = outcomes.value.filter((o) => o !== found);
  return found;
}

let flushing = false;

// Sends what waits, oldest first; stops at the first send that must wait.
export async function flushWaiting() {
  if (flushing || !storeKey()) return;
  flushing = true;
  try {
    if (navigator.locks) await navigator.locks.request(`${storeKey()}.flush`, sendAll);
    else await sendAll();
  } finally {
    flushing = false;
  }
}

async function sendAll() {
  for (;;) {
    const list = read(); // another tab may have sent some meanwhile
    waiting.value = list;
    const w = list[0];
    if (!w) return;
    const r = await call<{ id?: string; version?: number }>(w.method, w.path, w.body);
    if (mustWait(r.status)) return; // try again when the connection returns
    let rest = read().filter((x) => !(x.key === w.key && x.at === w.at));
    const made = r.data;
    if (w.method === 'POST' && made?.id && made.version !== undefined) {
      rest = rest.map((x) => (x.key === w.key && x.method === 'POST'
        ? { ...x, method: 'PUT', path: `${w.path}/${made.id}`, body: { ...(x.body as object), version: made.version } }
        : x));
    }
    save(rest);
    outcomes.value = [...outcomes.value, { key: w.key, data: r.data, errors: r.data ? [] : r.errors, sent: w.body }];
  }
}

// The connection is back: the browser says so, or a later try finds it.
window.addEventListener('online', () => void flushWaiting());
// Another tab kept or sent something: the count follows.
window.addEventListener('storage', (e) => {
  if (e.key && e.key === storeKey()) waiting.value = read();
});
setInterval(() => {
  if (waiting.value.length) void flushWaiting();
}, 15000);
