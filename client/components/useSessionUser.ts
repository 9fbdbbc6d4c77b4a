import { useQuery } from '@tanstack/react-query';
import type { SessionUser } from '../../shared/api/session';
import type { ApiError } from '../api/http';
import { queries } from '../api/queries';

export type SessionState = { kind: 'checking' } | { kind: 'ready'; user: SessionUser } | { kind: 'failed'; error: ApiError };

/**
 * The signed-in user of a page (GET /api/session), asked once for all the pages. Without a
 * session the QueryClient sends the browser to the login page, which comes back here afterwards.
 */
export function useSessionUser(): { state: SessionState; retry: () => void } {
  const session = useQuery(queries.session);
  const retry = () => void session.refetch();
  if (session.data) return { state: { kind: 'ready', user: session.data }, retry };
  if (session.error && session.error.status !== 401) return { state: { kind: 'failed', error: session.error }, retry };
  return { state: { kind: 'checking' }, retry };
}
