import { useSyncExternalStore } from 'react';

/**
 * The smallest router that serves: the page is chosen from `location.pathname` (App.tsx),
 * `navigate` changes it without a reload. Query parameters that describe the screen rather than
 * the page (language, display token) travel along.
 */

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

/** The current path without a trailing slash (except for `/`). */
export function currentPath(): string {
  const path = window.location.pathname;
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

/** Query parameters kept when moving between pages. */
const KEPT_PARAMS = ['lang'] as const;

/** `path` with the kept query parameters of the current URL. */
export function hrefTo(path: string): string {
  const current = new URLSearchParams(window.location.search);
  const kept = new URLSearchParams();
  for (const name of KEPT_PARAMS) {
    const value = current.get(name);
    if (value !== null) kept.set(name, value);
  }
  const query = kept.toString();
  return query ? `${path}?${query}` : path;
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const href = hrefTo(path);
  if (options.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  for (const listener of listeners) listener();
}
