import type { z } from 'zod';
import { boardSchema, type Board } from '../shared/api/board';
import {
  commandResultSchema,
  createdDisplaySchema,
  displayListSchema,
  displaySchema,
  pairedDisplaySchema,
  type CreateDisplayRequest,
  type PairDisplayRequest,
  type PairedDisplay,
  type CreatedDisplay,
  type Display,
  type UpdateDisplayRequest,
} from '../shared/api/displays';
import { errorBodySchema, type ErrorCode } from '../shared/api/errors';
import { sessionResponseSchema, type LoginRequest, type SessionUser } from '../shared/api/session';
import type { DisplayCommand } from '../shared/realtime/events';
import type { ClientErrorCode } from './i18n';

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

interface RequestOptions {
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

async function errorOf(response: Response): Promise<ApiError> {
  const fallback = codeOfStatus(response.status);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return new ApiError(response.status, fallback, response.statusText);
  }
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return new ApiError(response.status, fallback, response.statusText);
  const { code, message, fields } = parsed.data.error;
  return new ApiError(response.status, code, message, fields);
}

export async function parseBody<S extends z.ZodType>(response: Response, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(response.status, 'unexpected_response', 'the answer is not JSON');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    // The contract lives in shared/: a mismatch is a bug on one side, worth seeing in the console.
    console.error(`Unexpected answer from ${response.url}`, parsed.error.issues);
    throw new ApiError(response.status, 'unexpected_response', parsed.error.message);
  }
  return parsed.data;
}

/** The current term's board. */
export async function getBoard(options: { token?: string | null; signal?: AbortSignal } = {}): Promise<Board> {
  const response = await send('GET', '/api/board', options);
  return parseBody(response, boardSchema);
}

/** Logs in; the server sets an http-only session cookie. */
export async function login(credentials: LoginRequest, signal?: AbortSignal): Promise<SessionUser> {
  const response = await send('POST', '/api/session', { body: credentials, signal });
  return (await parseBody(response, sessionResponseSchema)).user;
}

export async function logout(): Promise<void> {
  await send('DELETE', '/api/session', {});
}

/** The logged-in user, or null without a valid session. */
export async function getSession(signal?: AbortSignal): Promise<SessionUser | null> {
  try {
    const response = await send('GET', '/api/session', { signal });
    return (await parseBody(response, sessionResponseSchema)).user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** Every display screen, revoked ones included, with its presence. Admins only. */
export async function listDisplays(signal?: AbortSignal): Promise<Display[]> {
  const response = await send('GET', '/api/displays', { signal });
  return (await parseBody(response, displayListSchema)).displays;
}

/** Creates a screen; the answer carries its token and link, which the server never shows again. */
export async function createDisplay(request: CreateDisplayRequest): Promise<CreatedDisplay> {
  const response = await send('POST', '/api/displays', { body: request });
  return parseBody(response, createdDisplaySchema);
}

/** Pairs the screen showing `code` under `name`; the screen gets its own token by itself. */
export async function pairDisplay(request: PairDisplayRequest): Promise<PairedDisplay> {
  const response = await send('POST', '/api/displays/pair', { body: request });
  return parseBody(response, pairedDisplaySchema);
}

/** Renames a screen or changes how long each page stays; the screen receives its new settings. */
export async function updateDisplay(id: number, patch: UpdateDisplayRequest): Promise<Display> {
  const response = await send('PATCH', `/api/displays/${id}`, { body: patch });
  return parseBody(response, displaySchema);
}

/** Revokes a screen's link; its sockets are cut off at once. */
export async function revokeDisplay(id: number): Promise<void> {
  await send('DELETE', `/api/displays/${id}`, {});
}

/** Sends a remote command to a screen; answers how many of its sockets received it. */
export async function sendDisplayCommand(id: number, command: DisplayCommand): Promise<number> {
  const response = await send('POST', `/api/displays/${id}/commands`, { body: command });
  return (await parseBody(response, commandResultSchema)).delivered;
}

export { displayTokenFromUrl } from './displayLink';
