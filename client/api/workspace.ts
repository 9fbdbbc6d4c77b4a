import { importPreviewSchema, importResultSchema, type ImportPreview, type ImportResult } from '../../shared/api/imports';
import { readingsPageSchema, recordedReadingSchema, type Reading, type ReadingInput, type RecordedReading } from '../../shared/api/readings';
import type { ChangePasswordRequest } from '../../shared/api/users';
import { send } from '../api/http';
import { parseBody } from '../api';

/** HTTP calls of the specialists' workspace: readings, corrections, imports, the own password. */

/** The most readings one call returns (the API's maximum): an indicator's whole history. */
const ALL_READINGS = 10_000;

export type { RecordedReading };

export const IMPORT_TEMPLATE_CSV = '/api/imports/template.csv';
export const IMPORT_TEMPLATE_XLSX = '/api/imports/template.xlsx';

/** Every reading of an indicator, corrections included, newest first. */
export async function listReadings(indicatorId: number, signal?: AbortSignal): Promise<Reading[]> {
  const response = await send('GET', `/api/indicators/${indicatorId}/readings?limit=${ALL_READINGS}`, { signal });
  return (await parseBody(response, readingsPageSchema)).readings;
}

/**
 * Records a reading or, with `supersedes`, a correction. The same `idempotencyKey` with the same
 * input answers the first answer again and writes nothing: what makes a retry safe.
 */
export async function recordReading(indicatorId: number, input: ReadingInput, idempotencyKey: string): Promise<RecordedReading> {
  const response = await send('POST', `/api/indicators/${indicatorId}/readings`, {
    body: input,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
  return parseBody(response, recordedReadingSchema);
}

/** Uploads a CSV or XLSX file; the server checks every row and writes nothing yet (a dry run). */
export async function uploadImport(file: File): Promise<ImportPreview> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await send('POST', '/api/imports', { form });
  return parseBody(response, importPreviewSchema);
}

/** Writes the new rows of a previewed import, all in one transaction or none. */
export async function commitImport(importId: number): Promise<ImportResult> {
  const response = await send('POST', `/api/imports/${importId}/commit`, {});
  return parseBody(response, importResultSchema);
}

/** Changes the signed-in user's password; the server signs out their other sessions. */
export async function changePassword(request: ChangePasswordRequest): Promise<void> {
  await send('POST', '/api/session/password', { body: request });
}

/**
 * A fresh Idempotency-Key. `crypto.randomUUID` exists only in secure contexts, and the board is
 * often served over plain HTTP on an office LAN: there, the same 122 random bits come from
 * `getRandomValues`, which every context has.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
