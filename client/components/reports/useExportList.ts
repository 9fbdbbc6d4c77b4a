import { useCallback } from 'react';
import type { Export } from '../../../shared/api/exports';
import { listExports } from '../../api/reports';
import { useLoaded, type Loaded } from '../../hooks/useLoaded';

/** How often the archive is asked for again (a scheduled export may finish while the page is open). */
export const LIST_REFRESH_MS = 30_000;

export type ExportListState = Loaded<Export[]>;

/**
 * The export archive, asked for every 30 s and whenever `refresh` is called. A newer request
 * supersedes one still in flight. `update` puts a fresher copy of one export in the list (the
 * one being followed after "Xuất ngay") without asking for the whole list.
 */
export function useExportList(): { state: ExportListState; refresh: () => void; update: (item: Export) => void } {
  const { state, reload, update: change } = useLoaded(listExports, { everyMs: LIST_REFRESH_MS });

  const update = useCallback(
    (item: Export) =>
      change((exports) =>
        exports.some((other) => other.id === item.id) ? exports.map((other) => (other.id === item.id ? item : other)) : [item, ...exports],
      ),
    [change],
  );

  return { state, refresh: reload, update };
}
