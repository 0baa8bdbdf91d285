/**
 * The app's REST API, as the designer calls it: the session cookie goes along, every unsafe request carries the
 * CSRF token (cookie XSRF-TOKEN, header X-XSRF-TOKEN), and a problem+json answer becomes an {@link ApiError} that
 * keeps each field error's JSON Pointer.
 */

/** One problem in a request body, at a JSON Pointer, with what was expected there. */
export interface FieldError {
  pointer: string;
  message: string;
  expected?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly errors: FieldError[];
  /** The whole problem document, for answers that carry more (a 422's validation issues, a 409's currentRevision). */
  readonly body: Record<string, unknown>;

  constructor(status: number, title: string, detail: string, errors: FieldError[], body: Record<string, unknown>) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;
    this.title = title;
    this.errors = errors;
    this.body = body;
  }
}

export interface Reply<T> {
  status: number;
  data: T;
  headers: Headers;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

function cookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

async function csrfToken(): Promise<string | undefined> {
  const existing = cookie('XSRF-TOKEN');
  if (existing) return existing;
  const r = await fetch('/api/auth/csrf', { credentials: 'same-origin' });
  if (r.ok) {
    const body = (await r.json().catch(() => ({}))) as { token?: string };
    return cookie('XSRF-TOKEN') ?? body.token;
  }
  return undefined;
}

/** Called when any request answers 401: the app goes to the login page. */
let onUnauthorized: () => void = () => undefined;
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

async function errorOf(r: Response): Promise<ApiError> {
  const text = await r.text().catch(() => '');
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
  } catch {
    body = { detail: text.slice(0, 500) };
  }
  const errors = Array.isArray(body.errors)
    ? (body.errors as unknown[]).filter((e): e is FieldError => !!e && typeof e === 'object' && 'message' in e)
    : [];
  const title = typeof body.title === 'string' ? body.title : r.statusText;
  const detail = typeof body.detail === 'string' ? body.detail : '';
  return new ApiError(r.status, title, detail, errors, body);
}

export async function request<T>(method: Method, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
  const h: Record<string, string> = { Accept: 'application/json', ...headers };
  let payload: BodyInit | undefined;
  if (body !== undefined) {
    if (typeof body === 'string' || body instanceof Blob || body instanceof FormData) {
      payload = body;
      if (typeof body === 'string' && !h['Content-Type']) h['Content-Type'] = 'application/json';
    } else {
      payload = JSON.stringify(body);
      h['Content-Type'] = 'application/json';
    }
  }
  if (method !== 'GET') {
    const token = await csrfToken();
    if (token) h['X-XSRF-TOKEN'] = token;
  }
  const r = await fetch(path, { method, headers: h, body: payload, credentials: 'same-origin' });
  if (r.status === 401 && !path.startsWith('/api/auth/')) onUnauthorized();
  if (!r.ok) throw await errorOf(r);
  const type = r.headers.get('Content-Type') ?? '';
  let data: unknown = undefined;
  if (r.status !== 204) {
    if (type.includes('json')) data = await r.json();
    else if (type.startsWith('text/')) data = await r.text();
    else data = await r.blob();
  }
  return { status: r.status, data: data as T, headers: r.headers };
}

/** GETs a document as the exact bytes the server sent (an export is canonical JSON: never re-serialised). */
async function text(path: string): Promise<string> {
  const r = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (r.status === 401) onUnauthorized();
  if (!r.ok) throw await errorOf(r);
  return r.text();
}

export const api = {
  text,
  get: <T>(path: string, headers?: Record<string, string>) => request<T>('GET', path, undefined, headers),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>('POST', path, body, headers),
  put: <T>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>('PUT', path, body, headers),
  del: <T>(path: string, headers?: Record<string, string>) => request<T>('DELETE', path, undefined, headers),
};

/** Reads a flow id or other path segment safely into a URL. */
export const seg = (s: string | number) => encodeURIComponent(String(s));
