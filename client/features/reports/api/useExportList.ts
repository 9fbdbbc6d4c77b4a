import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Export } from '../../../../shared/api/exports';
import type { ApiError } from '../../../api/http';
import { queries, useInvalidate } from '../../../api/queries';

/** How often the archive is asked for again (a scheduled export may finish while the page is open). */
export const LIST_REFRESH_MS = 30_000;

export interface ExportListState {
  /** Null until the first answer; kept when a later reload fails. */
  data: Export[] | null;
  error: ApiError | null;
  /** When the shown list was received (epoch ms). */
  refreshedAt: number | null;
}

/**
 * The export archive, asked for every 30 s and whenever `refresh` is called. `update` puts a
 * fresher copy of one export in the list (the one being followed after "Xuất ngay") without
 * asking for the whole list.
 */
export function useExportList(): { state: ExportListState; refresh: () => void; update: (item: Export) => void } {
  const list = useQuery({ ...queries.exports, refetchInterval: LIST_REFRESH_MS });
  const queryClient = useQueryClient();
  const refresh = useInvalidate(queries.exports.queryKey);

  const update = useCallback(
    (item: Export) =>
      queryClient.setQueryData(queries.exports.queryKey, (exports) =>
        exports === undefined
          ? exports
          : exports.some((other) => other.id === item.id)
            ? exports.map((other) => (other.id === item.id ? item : other))
            : [item, ...exports],
      ),
    [queryClient],
  );

  return { state: { data: list.data ?? null, error: list.error, refreshedAt: list.dataUpdatedAt || null }, refresh, update };
}
