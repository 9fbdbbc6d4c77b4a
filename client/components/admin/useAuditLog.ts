import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditEntry } from '../../../shared/api/audit';
import { asApiError, type ApiError } from '../../api';
import { listAuditEntries, type AuditFilters } from '../../api/admin';

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
 * New filters drop what was shown and any request still in flight.
 */
export function useAuditLog(filters: AuditFilters): { state: AuditLogState; loadMore: () => void } {
  const [state, setState] = useState<AuditLogState>({ entries: null, loading: true, hasMore: false, error: null });
  const inFlight = useRef<AbortController | null>(null);

  const load = useCallback(
    (before: number | undefined) => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      setState((previous) => ({ ...previous, loading: true, error: null }));
      listAuditEntries(filters, { limit: AUDIT_PAGE_SIZE, before }, controller.signal).then(
        (page) => {
          if (controller.signal.aborted) return;
          setState((previous) => ({
            entries: before === undefined ? page : [...(previous.entries ?? []), ...page],
            loading: false,
            hasMore: page.length === AUDIT_PAGE_SIZE,
            error: null,
          }));
        },
        (caught: unknown) => {
          if (controller.signal.aborted) return;
          setState((previous) => ({ ...previous, loading: false, error: asApiError(caught) }));
        },
      );
    },
    [filters],
  );

  useEffect(() => {
    setState({ entries: null, loading: true, hasMore: false, error: null });
    load(undefined);
    return () => inFlight.current?.abort();
  }, [load]);

  const loadMore = useCallback(() => {
    const last = state.entries?.at(-1);
    if (last && !state.loading) load(last.id);
  }, [load, state.entries, state.loading]);

  return { state, loadMore };
}
