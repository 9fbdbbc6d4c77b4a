import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, type ApiError } from '../api';

export interface Loaded<T> {
  /** Null until the first answer; kept when a later reload fails. */
  data: T | null;
  /** The last load's failure; the previous data stays shown beside it. */
  error: ApiError | null;
  /** When the shown data was received (epoch ms). */
  refreshedAt: number | null;
}

/**
 * Something the page shows, asked for on mount, every `everyMs` when given, and whenever
 * `reload` is called (after each change). A newer request supersedes one still in flight, so an
 * old answer (a poll that started before an action) never overwrites a newer one. `load` must be
 * stable (a module function). `update` changes the data in hand without asking again.
 */
export function useLoaded<T>(
  load: (signal: AbortSignal) => Promise<T>,
  { everyMs }: { everyMs?: number } = {},
): { state: Loaded<T>; reload: () => void; update: (change: (data: T) => T) => void } {
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, refreshedAt: null });
  const inFlight = useRef<AbortController | null>(null);

  const reload = useCallback(() => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, error: null, refreshedAt: Date.now() });
      },
      (caught: unknown) => {
        if (!controller.signal.aborted) setState((previous) => ({ ...previous, error: asApiError(caught) }));
      },
    );
  }, [load]);

  const update = useCallback((change: (data: T) => T) => {
    setState((previous) => (previous.data === null ? previous : { ...previous, data: change(previous.data) }));
  }, []);

  useEffect(() => {
    reload();
    const timer = everyMs === undefined ? undefined : window.setInterval(reload, everyMs);
    return () => {
      window.clearInterval(timer);
      inFlight.current?.abort();
    };
  }, [reload, everyMs]);

  return { state, reload, update };
}
