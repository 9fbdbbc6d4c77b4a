import { useCallback, useEffect, useRef, useState } from 'react';
import type { Reading } from '../../../../shared/api/readings';
import { asApiError, type ApiError } from '../../../api/http';
import { listReadings } from '../../../api/workspace';

export interface ReadingsState {
  /** Newest first; null until the first answer. */
  readings: Reading[] | null;
  error: ApiError | null;
}

/**
 * Every reading of an indicator, asked for again whenever `version` changes (pass the board's
 * indicator: the live feed replaces it on each change, a colleague's included) or on `reload`.
 * A newer request supersedes an older one still in flight.
 */
export function useReadings(indicatorId: number | null, version: unknown): { state: ReadingsState; reload: () => void } {
  const [state, setState] = useState<ReadingsState>({ readings: null, error: null });
  const [attempt, setAttempt] = useState(0);
  const shownFor = useRef<number | null>(null);

  useEffect(() => {
    if (indicatorId === null) return;
    // Another indicator's history must not stand in for this one's while it loads.
    if (shownFor.current !== indicatorId) setState({ readings: null, error: null });
    shownFor.current = indicatorId;
    const controller = new AbortController();
    listReadings(indicatorId, controller.signal).then(
      (readings) => {
        if (!controller.signal.aborted) setState({ readings, error: null });
      },
      (caught: unknown) => {
        if (!controller.signal.aborted) setState((previous) => ({ ...previous, error: asApiError(caught) }));
      },
    );
    return () => controller.abort();
  }, [indicatorId, version, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
