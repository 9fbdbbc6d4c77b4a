import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { AuditEntry } from '../../../../shared/api/audit';
import type { ApiError } from '../../../api/http';
import { listAuditEntries, type AuditFilters } from '../../../api/admin';

/** Entries asked for at a time; "Xem thêm" asks for the next ones. */
export const AUDIT_PAGE_SIZE = 50;

export interface AuditLogState {
  /** Null until the first page of the current filters has arrived. */
  entries: AuditEntry[] | null;
  loading: boolean;
  /** False once a page came back shorter than asked: the log holds no older entry. */
  hasMore: boolean;
  error: ApiError | null;
}

/**
 * The audit log under the given filters, newest first, one page at a time. The next page is
 * the entries before the last id shown (`before=`), so entries logged meanwhile never shift it.
 * New filters are a new query: what was shown for the old ones is not shown under the new.
 */
export function useAuditLog(filters: AuditFilters): { state: AuditLogState; loadMore: () => void } {
  const log = useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam, signal }) => listAuditEntries(filters, { limit: AUDIT_PAGE_SIZE, before: pageParam }, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => (page.length === AUDIT_PAGE_SIZE ? page.at(-1)?.id : undefined),
  });
  const { hasNextPage, isFetching, fetchNextPage } = log;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetching) void fetchNextPage();
  }, [hasNextPage, isFetching, fetchNextPage]);
  return {
    state: { entries: log.data ? log.data.pages.flat() : null, loading: isFetching, hasMore: hasNextPage, error: log.error },
    loadMore,
  };
}
