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
import { sessionResponseSchema, type LoginRequest, type SessionUser } from '../shared/api/session';
import { ApiError, send } from './api/http';
import type { DisplayCommand } from '../shared/realtime/events';

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
