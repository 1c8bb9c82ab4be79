// The portal API: JSON in and out, the session cookie sent by the browser,
// the CSRF token added to every state-changing request.
import { isLanguage, language, setLanguage } from './i18n';
import { signal } from './state';

export interface User {
  id: string;
  email: string;
  name: string;
  role: 'government' | 'expert' | 'coordinator' | 'admin' | 'funder';
  organisation_id: string | null;
  language: string;
  disabled: boolean;
  version: number;
}
export interface ApiError {
  code: string;
  message: string;
  field: string;
}
export interface Answer<T> {
  status: number; // 0: the network failed
  data: T | null;
  errors: ApiError[];
}

let csrf = '';
export const currentUser = signal<User | null | undefined>(undefined); // undefined: not known yet

export async function call<T>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
  // The server writes its errors in the page's language (a signed-in
  // account's own language comes first there; the switch keeps them one).
  const headers: Record<string, string> = { 'Accept-Language': language.value };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    return { status: 0, data: null, errors: [] };
  }
  const json = res.status === 204 ? null : await res.json().catch(() => null);
  if (res.ok) return { status: res.status, data: json as T, errors: [] };
  return { status: res.status, data: null, errors: (json && json.errors) || [] };
}

// Sends a file as the raw body (uploads), with its type and the CSRF token.
export async function upload<T>(path: string, file: Blob): Promise<Answer<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: {
        'Content-Type': file.type || 'application/octet-stream',
        'X-CSRF-Token': csrf,
        'Accept-Language': language.value,
      },
      body: file,
      credentials: 'same-origin',
    });
  } catch {
    return { status: 0, data: null, errors: [] };
  }
  const json = await res.json().catch(() => null);
  if (res.ok) return { status: res.status, data: json as T, errors: [] };
  return { status: res.status, data: null, errors: (json && json.errors) || [] };
}

interface SessionView {
  user: User;
  csrf_token: string;
  expires_at: string;
}

// A signed-in user reads the portal in their account's language, whichever
// browser they sign in from (the switch keeps it in the account).
function adoptLanguage(user: User) {
  if (isLanguage(user.language) && user.language !== language.value) void setLanguage(user.language);
}

export async function loadSession() {
  const r = await call<SessionView>('GET', '/api/v1/session');
  csrf = r.data ? r.data.csrf_token : '';
  currentUser.value = r.data ? r.data.user : null;
  if (r.data) adoptLanguage(r.data.user);
}

export async function signIn(email: string, password: string): Promise<Answer<SessionView>> {
  const r = await call<SessionView>('POST', '/api/v1/session', { email, password });
  if (r.data) {
    csrf = r.data.csrf_token;
    currentUser.value = r.data.user;
    adoptLanguage(r.data.user);
  }
  return r;
}

export async function signOut() {
  await call('DELETE', '/api/v1/session');
  csrf = '';
  currentUser.value = null;
}

// The messages of `errors` by field ('' for the whole form).
export function byField(errors: ApiError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) if (!(e.field in out)) out[e.field] = e.message;
  return out;
}
