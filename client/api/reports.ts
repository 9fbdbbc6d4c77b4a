import { exportListSchema, exportRequestedSchema, exportSchema, type Export } from '../../shared/api/exports';
import { resendAnswerSchema, type Delivery } from '../../shared/api/mail';
import { send } from '../api/http';
import { parseBody } from '../api';

/** HTTP calls of the weekly reports page: the export archive, and "Xuất ngay". */

/** Every archived export, newest first. Anyone signed in. */
export async function listExports(signal?: AbortSignal): Promise<Export[]> {
  const response = await send('GET', '/api/exports', { signal });
  return (await parseBody(response, exportListSchema)).exports;
}

/** One export, to follow it from queued to done or failed. */
export async function getExport(id: number, signal?: AbortSignal): Promise<Export> {
  const response = await send('GET', `/api/exports/${id}`, { signal });
  return parseBody(response, exportSchema);
}

/**
 * Queues an export of the board as of `asOf` (ISO date-time), or as of now without it. Admins
 * and editors; a moment in the future answers 400 with `fields.asOf = 'in_future'`.
 */
export async function requestExport(asOf?: string): Promise<number> {
  const response = await send('POST', '/api/exports', { body: asOf === undefined ? {} : { asOf } });
  return (await parseBody(response, exportRequestedSchema)).id;
}

/** "Gửi lại": sends one delivery of an export again (admins); answers it, pending again. */
export async function resendDelivery(id: number): Promise<Delivery> {
  const response = await send('POST', `/api/deliveries/${id}/resend`, {});
  return (await parseBody(response, resendAnswerSchema)).delivery;
}
