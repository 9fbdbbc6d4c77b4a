import { useCallback, useEffect, useRef, useState } from 'react';
import type { Display } from '../../../shared/api/displays';
import { ApiError, asApiError, listDisplays } from '../../api';

/** How often the list (and so each screen's presence) is asked for again. */
export const REFRESH_MS = 10_000;

export interface DisplaysState {
  /** Null until the first answer. */
  displays: Display[] | null;
  /** The last refresh's failure; the previous list stays shown beside it. */
  error: ApiError | null;
  /** When the shown list was received (epoch ms). */
  refreshedAt: number | null;
}

/**
 * The screens, asked for every 10 s and whenever `refresh` is called (after each action).
 * A newer request supersedes an older one still in flight, so an action's result is never
 * overwritten by a poll that started before it.
 */
export function useDisplays(): { state: DisplaysState; refresh: () => void } {
  const [state, setState] = useState<DisplaysState>({ displays: null, error: null, refreshedAt: null });
  const inFlight = useRef<AbortController | null>(null);

  const refresh = useCallback(() => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    listDisplays(controller.signal).then(
      (displays) => {
        if (controller.signal.aborted) return;
        setState({ displays, error: null, refreshedAt: Date.now() });
      },
      (caught: unknown) => {
        if (controller.signal.aborted) return;
        setState((previous) => ({ ...previous, error: asApiError(caught) }));
      },
    );
  }, []);

  useEffect(() => {
    refresh();
    const timer = window.setInterval(refresh, REFRESH_MS);
    return () => {
      window.clearInterval(timer);
      inFlight.current?.abort();
    };
  }, [refresh]);

  return { state, refresh };
}
