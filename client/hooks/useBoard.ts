import { useCallback, useEffect, useState } from 'react';
import type { Board } from '../../shared/api/board';
import { ApiError, getBoard } from '../api';

export type BoardState =
  | { kind: 'loading' }
  | { kind: 'ready'; board: Board }
  /** 401: no session, or a display token that is unknown or revoked. */
  | { kind: 'unauthenticated' }
  | { kind: 'error'; error: ApiError };

export interface UseBoard {
  state: BoardState;
  /** Fetches the whole board again. */
  reload: () => void;
}

/**
 * The board of the current term, loaded over HTTP. This is the one place that owns board data:
 * realtime updates (snapshot, per-indicator updates, resync after a gap) are to be applied here
 * so that pages stay unaware of where the numbers come from.
 */
export function useBoard(token: string | null): UseBoard {
  const [state, setState] = useState<BoardState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => (previous.kind === 'loading' ? previous : { kind: 'loading' }));
    getBoard({ token, signal: controller.signal }).then(
      (board) => {
        if (!controller.signal.aborted) setState({ kind: 'ready', board });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) setState({ kind: 'unauthenticated' });
        else if (error instanceof ApiError) setState({ kind: 'error', error });
        else setState({ kind: 'error', error: new ApiError(0, 'unexpected_response', String(error)) });
      },
    );
    return () => controller.abort();
  }, [token, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
