/** A tiny history-API router: the app has three pages (/login, /, /flows/{id}). */
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
window.addEventListener('popstate', () => listeners.forEach((l) => l()));

/** A guard asked before leaving a page (unsaved changes); returns false to stay. */
let leaveGuard: (() => boolean) | null = null;
export function setLeaveGuard(guard: (() => boolean) | null): void {
  leaveGuard = guard;
}

export function navigate(path: string, replace = false): void {
  if (path === location.pathname + location.search) return;
  if (leaveGuard && !leaveGuard()) return;
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  listeners.forEach((l) => l());
}

export function usePath(): string {
  return useSyncExternalStore((l) => { listeners.add(l); return () => listeners.delete(l); }, () => location.pathname);
}

export type Route = { page: 'login' } | { page: 'flows' } | { page: 'editor'; flowId: string } | { page: 'missing' };

export function routeOf(path: string): Route {
  if (path === '/login') return { page: 'login' };
  if (path === '/' || path === '/flows' || path === '/flows/') return { page: 'flows' };
  const m = /^\/flows\/([^/]+)\/?$/.exec(path);
  if (m?.[1]) return { page: 'editor', flowId: decodeURIComponent(m[1]) };
  return { page: 'missing' };
}
