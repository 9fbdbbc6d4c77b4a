import { ERROR_CODES, type ErrorCode } from '../../shared/api/error-codes';
import { ROLES } from '../../shared/api/roles';
import type { SessionUser } from '../../shared/api/session';
import type { ClientErrorCode } from '../i18n';

/*
 * The HTTP layer without zod: what the first route (the board) needs, the session and the error
 * answers. Every other answer is parsed with its schema from shared/ (client/api.ts, api/*.ts),
 * in the chunks of the pages that ask for it (docs/decisions.md).
 */

export type ApiErrorCode = ErrorCode | ClientErrorCode;

/** A failed call: the API's stable code (translated in the UI), its field errors, the HTTP status. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** 0 when no answer arrived. */
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    /** Field path → field error code (`readingField.*` / `fieldError.*` in i18n). */
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

/** Any failure as an ApiError, so the UI always has a code to translate. */
export function asApiError(caught: unknown): ApiError {
  return caught instanceof ApiError ? caught : new ApiError(0, 'unexpected_response', String(caught));
}

/** The code to assume when an error answer has no readable body (a proxy's page, say). */
function codeOfStatus(status: number): ApiErrorCode {
  switch (status) {
    case 400:
      return 'validation_failed';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    case 429:
      return 'rate_limited';
    default:
      return status >= 500 ? 'internal' : 'unexpected_response';
  }
}

export interface RequestOptions {
  body?: unknown;
  /** A multipart body (a file upload), sent as is: the browser writes its Content-Type and boundary. */
  form?: FormData;
  /** Further request headers (`Idempotency-Key`). */
  headers?: Readonly<Record<string, string>>;
  /** A display or API token, sent as `Authorization: Bearer`. */
  token?: string | null;
  signal?: AbortSignal;
}

export async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers, Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      credentials: 'same-origin',
      // The board must never come from a cache: stale numbers shown as current are the worst failure.
      cache: 'no-store',
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, 'network_error', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw await errorOf(response);
  return response;
}


const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The error body of the contract (`{ error: { code, message, fields? } }`), read field by field; null when it is not one. */
function errorBodyOf(body: unknown): { code: ErrorCode; message: string; fields: Record<string, string> } | null {
  const error = isRecord(body) ? body.error : undefined;
  if (!isRecord(error) || typeof error.message !== 'string') return null;
  const code = ERROR_CODES.find((known) => known === error.code);
  const fields = error.fields ?? {};
  if (code === undefined || !isRecord(fields) || !Object.values(fields).every((value) => typeof value === 'string')) return null;
  return { code, message: error.message, fields: fields as Record<string, string> };
}

async function errorOf(response: Response): Promise<ApiError> {
  const fallback = codeOfStatus(response.status);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return new ApiError(response.status, fallback, response.statusText);
  }
  const error = errorBodyOf(body);
  return error ? new ApiError(response.status, error.code, error.message, error.fields) : new ApiError(response.status, fallback, response.statusText);
}

/** The signed-in user of a session answer (`{ user }`), checked field by field. */
function sessionUserOf(body: unknown): SessionUser {
  const user = isRecord(body) ? body.user : undefined;
  const role = isRecord(user) ? ROLES.find((known) => known === user.role) : undefined;
  if (!isRecord(user) || role === undefined || typeof user.id !== 'number' || typeof user.username !== 'string' || typeof user.displayName !== 'string' || !Array.isArray(user.unitIds) || !user.unitIds.every((id) => typeof id === 'number')) {
    throw new ApiError(200, 'unexpected_response', 'the session answer is not a session');
  }
  return { id: user.id, username: user.username, displayName: user.displayName, role, unitIds: user.unitIds as number[] };
}

/** The logged-in user, or null without a valid session. */
export async function getSession(signal?: AbortSignal): Promise<SessionUser | null> {
  try {
    const response = await send('GET', '/api/session', { signal });
    return sessionUserOf(await response.json().catch(() => null));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function logout(): Promise<void> {
  await send('DELETE', '/api/session', {});
}
