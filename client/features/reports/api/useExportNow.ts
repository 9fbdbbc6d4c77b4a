import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useState } from 'react';
import type { Export } from '../../../../shared/api/exports';
import { asApiError, type ApiError } from '../../../api/http';
import { getExport, requestExport } from '../../../api/reports';

/** How often an export asked for is looked at until it is done or failed. */
export const POLL_MS = 2_000;

export type ExportNowState =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'following'; id: number; status: 'queued' | 'running' }
  | { kind: 'settled'; item: Export }
  | { kind: 'error'; error: ApiError };

interface Callbacks {
  /** A fresher copy of the export being followed. */
  onUpdate: (item: Export) => void;
  /** The export was queued, or it is done or failed: time to read the whole list again. */
  onListChanged: () => void;
}

/**
 * "Xuất ngay": queues an export (POST /api/exports, a mutation), then follows it every 2 s
 * (GET /api/exports/:id, through the QueryClient) until it is done or failed. One at a time. A
 * session that ended is the QueryClient's 401 (app/queryClient.ts), not this hook's.
 */
export function useExportNow({ onUpdate, onListChanged }: Callbacks): { state: ExportNowState; start: (asOf?: string) => void } {
  const queryClient = useQueryClient();
  const [state, setState] = useState<ExportNowState>({ kind: 'idle' });
  const followedId = state.kind === 'following' ? state.id : null;
  const updated = useEffectEvent(onUpdate);
  const listChanged = useEffectEvent(onListChanged);

  const request = useMutation({
    mutationFn: (asOf?: string) => requestExport(asOf),
    onMutate: () => setState({ kind: 'sending' }),
    onSuccess: (id) => {
      setState({ kind: 'following', id, status: 'queued' });
      onListChanged();
    },
    onError: (error) => {
      if (error.status !== 401) setState({ kind: 'error', error });
    },
  });
  const start = request.mutate;

  useEffect(() => {
    if (followedId === null) return;
    const controller = new AbortController();
    let timer = 0;
    const look = () => {
      queryClient.fetchQuery({ queryKey: ['exports', 'one', followedId], queryFn: () => getExport(followedId, controller.signal), staleTime: 0 }).then(
        (item) => {
          if (controller.signal.aborted) return;
          updated(item);
          if (item.status === 'done' || item.status === 'failed') {
            setState({ kind: 'settled', item });
            listChanged();
          } else {
            setState({ kind: 'following', id: followedId, status: item.status });
            timer = window.setTimeout(look, POLL_MS);
          }
        },
        (caught: unknown) => {
          if (controller.signal.aborted) return;
          const error = asApiError(caught);
          if (error.status === 401) return; // the QueryClient's
          if (error.status === 403 || error.status === 404) setState({ kind: 'error', error });
          // A network hiccup or a restart: the export goes on on the server; look again.
          else timer = window.setTimeout(look, POLL_MS);
        },
      );
    };
    timer = window.setTimeout(look, POLL_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [followedId, queryClient]);

  return { state, start };
}
