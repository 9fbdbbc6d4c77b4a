import { useEffect, useState } from 'react';
import type { SessionUser } from '../../../shared/api/session';
import { asApiError, getSession, type ApiError } from '../../api';
import { goToLogin } from '../../navigation';

export type SessionState = { kind: 'checking' } | { kind: 'ready'; user: SessionUser } | { kind: 'failed'; error: ApiError };

/**
 * The signed-in user of a page (GET /api/session). Without a session the browser goes to the
 * login page, which comes back to `path` afterwards.
 */
export function useSessionUser(path: string): { state: SessionState; retry: () => void } {
  const [state, setState] = useState<SessionState>({ kind: 'checking' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: 'checking' });
    getSession(controller.signal).then(
      (user) => {
        if (user === null) goToLogin(path);
        else setState({ kind: 'ready', user });
      },
      (caught: unknown) => {
        if (!controller.signal.aborted) setState({ kind: 'failed', error: asApiError(caught) });
      },
    );
    return () => controller.abort();
  }, [path, attempt]);

  return { state, retry: () => setAttempt((n) => n + 1) };
}
