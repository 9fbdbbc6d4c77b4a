import { useLocation, useRouter } from '@tanstack/react-router';
import { useCallback } from 'react';

/**
 * Moving between the signed-in app's pages, on the router of client/app/router.tsx. Query
 * parameters that describe the screen rather than the page (the language) travel along.
 */

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

/** The current path without a trailing slash (except for `/`). */
export function usePathname(): string {
  const path = useLocation({ select: (location) => location.pathname });
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/** Moves to a page of the app without a reload. */
export function useNavigateTo(): (path: string, options?: { replace?: boolean }) => void {
  const router = useRouter();
  return useCallback(
    (path: string, options: { replace?: boolean } = {}) => void router.navigate({ href: hrefTo(path), replace: options.replace ?? false }),
    [router],
  );
}

/**
 * The page to return to after logging in (`?next=/admin/screens`): a path of this site only.
 * Anything else (`//host`, `https:`, a backslash) is dropped, so the login page cannot be used
 * to send someone elsewhere.
 */
export function safeNext(value: string | null): string | null {
  if (value === null || !/^\/(?!\/)[\w\-./~]*$/.test(value) || value === '/login') return null;
  return value;
}

/**
 * Sends the browser to the login page, which returns to `next` (by default the page open now)
 * afterwards. A full navigation: whatever the page held belonged to the session that ended.
 */
export function goToLogin(next: string = window.location.pathname): void {
  const url = new URL(hrefTo('/login'), window.location.origin);
  if (safeNext(next)) url.searchParams.set('next', next);
  window.location.replace(url.pathname + url.search);
}
