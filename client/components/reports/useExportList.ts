import { useCallback, useEffect, useRef, useState } from 'react';
import type { Export } from '../../../shared/api/exports';
import { asApiError, type ApiError } from '../../api';
import { listExports } from '../../api/reports';

/** How often the archive is asked for again (a scheduled export may finish while the page is open). */
export const LIST_REFRESH_MS = 30_000;

export interface ExportListState {
  /** Null until the first answer. */
  exports: Export[] | null;
  /** The last refresh's failure; the previous list stays shown beside it. */
  error: ApiError | null;
  /** When the shown list was received (epoch ms). */
  refreshedAt: number | null;
}

/**
 * The export archive, asked for every 30 s and whenever `refresh` is called. A newer request
 * supersedes one still in flight. `update` puts a fresher copy of one export in the list (the
 * one being followed after "Xuất ngay") without asking for the whole list.
 */
export function useExportList(): { state: ExportListState; refresh: () => void; update: (item: Export) => void } {
  const [state, setState] = useState<ExportListState>({ exports: null, error: null, refreshedAt: null });
  const inFlight = useRef<AbortController | null>(null);

  const refresh = useCallback(() => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    listExports(controller.signal).then(
      (exports) => {
        if (!controller.signal.aborted) setState({ exports, error: null, refreshedAt: Date.now() });
      },
      (caught: unknown) => {
        if (!controller.signal.aborted) setState((previous) => ({ ...previous, error: asApiError(caught) }));
      },
    );
  }, []);

  const update = useCallback((item: Export) => {
    setState((previous) => {
      if (previous.exports === null) return previous;
      const known = previous.exports.some((other) => other.id === item.id);
      const exports = known ? previous.exports.map((other) => (other.id === item.id ? item : other)) : [item, ...previous.exports];
      return { ...previous, exports };
    });
  }, []);

  useEffect(() => {
    refresh();
    const timer = window.setInterval(refresh, LIST_REFRESH_MS);
    return () => {
      window.clearInterval(timer);
      inFlight.current?.abort();
    };
  }, [refresh]);

  return { state, refresh, update };
}
