// What a person asked to send while the connection was down: a request draft,
// a message. Kept in this browser (localStorage, under the account) and sent,
// in the order asked, as soon as the connection returns; the header says how
// many are waiting and the page that asked says what became of its own.
//
// What must hold:
//   - a send is kept only when the network failed (status 0), never when the
//     server answered: a refusal is shown at once, as any error;
//   - a kept send with the same `key` replaces the earlier one (a draft saved
//     twice offline is sent once, as last typed);
//   - one flush at a time; a send the server refuses (a draft changed
//     meanwhile, a closed request) stops waiting and keeps its refusal for the
//     page to show;
//   - signing out discards the account's waiting sends, so that nothing typed
//     stays in a shared browser.
import { call, currentUser, type ApiError } from './api';
import { signal } from './state';

export interface Waiting {
  key: string; // what it is, for the page that asked: "draft:new", "message:req_1:..."
  method: string;
  path: string;
  body: unknown;
  at: string;
}
// What became of a send, for the page that asked: the answer, or the refusal.
export interface Outcome {
  key: string;
  data: unknown;
  errors: ApiError[];
}

export const waiting = signal<Waiting[]>([]);
export const outcomes = signal<Outcome[]>([]);

const storeKey = () => (currentUser.value ? `connex.waiting.${currentUser.value.id}` : '');

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
  const k = storeKey();
  let list: Waiting[] = [];
  try {
    list = k ? JSON.parse(localStorage.getItem(k) || '[]') : [];
  } catch {
    list = [];
  }
  waiting.value = Array.isArray(list) ? list : [];
  if (waiting.value.length) void flushWaiting();
}

export function keep(w: Omit<Waiting, 'at'>) {
  save([...waiting.value.filter((x) => x.key !== w.key), { ...w, at: new Date().toISOString() }]);
}

export function discardWaiting() {
  save([]);
}

// The outcome of `key`'s send, taken (a page shows it once).
export function takeOutcome(key: string): Outcome | undefined {
  const found = outcomes.value.find((o) => o.key === key);
  if (found) outcomes.value = outcomes.value.filter((o) => o !== found);
  return found;
}

let flushing = false;

// Sends what waits, oldest first; stops at the first network failure.
export async function flushWaiting() {
  if (flushing) return;
  flushing = true;
  try {
    while (waiting.value.length) {
      const w = waiting.value[0];
      const r = await call<unknown>(w.method, w.path, w.body);
      if (r.status === 0) break; // still offline: try again later
      save(waiting.value.filter((x) => x !== w));
      outcomes.value = [...outcomes.value, { key: w.key, data: r.data, errors: r.data ? [] : r.errors }];
    }
  } finally {
    flushing = false;
  }
}

// The connection is back: the browser says so, or a later try finds it.
window.addEventListener('online', () => void flushWaiting());
setInterval(() => {
  if (waiting.value.length) void flushWaiting();
}, 15000);
