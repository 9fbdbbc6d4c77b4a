import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import type { ReadingInput } from '../../../../shared/api/readings';
import { asApiError, type ApiError } from '../../../api/http';
import { newIdempotencyKey, recordReading, type RecordedReading } from '../../../api/workspace';

/**
 * Sends a reading with an Idempotency-Key. The key belongs to one submission of one input: sent
 * again unchanged after a failure that may not have reached the server (a network error, a 5xx)
 * it keeps its key, so the server answers the first answer instead of recording twice. A refusal
 * (4xx), or a changed input, starts a new key. A mutation: a session that ended is the
 * QueryClient's 401 (app/queryClient.ts).
 */
export function useRecordReading(indicatorId: number) {
  const send = useMutation({ mutationFn: ({ input, key }: { input: ReadingInput; key: string }) => recordReading(indicatorId, input, key) });
  const attempt = useRef<{ key: string; body: string } | null>(null);

  async function record(input: ReadingInput): Promise<{ ok: true; recorded: RecordedReading } | { ok: false; error: ApiError }> {
    const body = JSON.stringify({ indicatorId, input });
    if (attempt.current?.body !== body) attempt.current = { key: newIdempotencyKey(), body };
    try {
      const recorded = await send.mutateAsync({ input, key: attempt.current.key });
      attempt.current = null;
      return { ok: true, recorded };
    } catch (caught) {
      const error = asApiError(caught);
      // No answer, a server failure, or a success whose body could not be read: the reading may
      // be recorded, so a retry must replay rather than record it again.
      const outcomeUnknown = error.status === 0 || error.status >= 500 || (error.status >= 200 && error.status < 300);
      if (!outcomeUnknown) attempt.current = null;
      return { ok: false, error };
    }
  }

  return { record, saving: send.isPending };
}
