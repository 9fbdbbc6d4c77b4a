import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, type ApiError } from '../../api';

export interface Loaded<T> {
  /** Null until the first answer; kept when a later reload fails. */
  data: T | null;
  error: ApiError | null;
}

/**
 * Something the page shows, asked for on mount and whenever `reload` is called (after each
 * change). A newer request supersedes one still in flight, so an old answer never overwrites
 * a newer one. `load` must be stable (a module function).
 */
export function useLoaded<T>(load: (signal: AbortSignal) => Promise<T>): { state: Loaded<T>; reload: () => void } {
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null });
  const inFlight = useRef<AbortController | null>(null);

  const reload = useCallback(() => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, error: null });
      },
      (caught: unknown) => {
        if (!controller.signal.aborted) setState((previous) => ({ ...previous, error: asApiError(caught) }));
      },
    );
  }, [load]);

  useEffect(() => {
    reload();
    return () => inFlight.current?.abort();
  }, [reload]);

  return { state, reload };
}
