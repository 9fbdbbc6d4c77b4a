import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError, z } from 'zod';
import type { Principal } from '../auth/principal';
import type { AuthService } from '../auth/auth.service';
import { SESSION_COOKIE } from '../auth/auth.service';
import { AppError, bodyOf, statusOf, zodFields } from './errors';
import { declaredSchemaFields } from './openapi';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Anyone may call the route, signed in or not; every other API route authenticates first (`authenticateFirst`). */
    public?: boolean;
  }
}

/** Route parameters `:id`: a positive integer id, nothing else. */
export const idParams = z.strictObject({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/**
 * The one file of a multipart/form-data request (field `file`), read whole, at most `maxBytes`:
 * 415 for another content type, 400 without a file or for a body that is not well-formed
 * multipart (no or a wrong boundary, a part never closed), 413 past the limit with `tooLarge` as
 * message — also when the parser stopped at the limit without an error (`file.truncated`).
 */
export async function uploadedFile(request: FastifyRequest, maxBytes: number, tooLarge: string): Promise<{ name: string; content: Buffer }> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'send the file as multipart/form-data, field "file"');
  const malformed = () => new AppError('validation_failed', 'the body is not well-formed multipart/form-data', { file: 'malformed' });
  const tooLargeError = () => new AppError('payload_too_large', tooLarge);
  const file = await request.file({ limits: { fileSize: maxBytes, files: 1 } }).catch((error: unknown) => {
    throw isSizeLimit(error) ? tooLargeError() : malformed();
  });
  if (!file) throw new AppError('validation_failed', 'no file in the request', { file: 'required' });
  const content = await file.toBuffer().catch((error: unknown) => {
    throw isSizeLimit(error) ? tooLargeError() : malformed();
  });
  if (file.file.truncated || content.length > maxBytes) throw tooLargeError();
  return { name: file.filename, content };
}

/** @fastify/multipart's limit errors (file, parts, files) carry 413; everything else it throws is a malformed body. */
function isSizeLimit(error: unknown): boolean {
  return (error as { statusCode?: number } | null)?.statusCode === 413;
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/** The caller of a request, or null; looked up once per request (the lookup reads the database). */
export async function principalOf(auth: AuthService, request: FastifyRequest): Promise<Principal | null> {
  const cached = (request as FastifyRequest & { principal?: Principal | null }).principal;
  if (cached !== undefined) return cached;
  const principal = await auth.authenticate({ sessionToken: request.cookies[SESSION_COOKIE], bearerToken: bearerToken(request) });
  (request as FastifyRequest & { principal?: Principal | null }).principal = principal;
  return principal;
}

export async function requirePrincipal(auth: AuthService, request: FastifyRequest): Promise<Principal> {
  const principal = await principalOf(auth, request);
  if (!principal) throw new AppError('unauthenticated', 'sign in, or send a display or API token');
  return principal;
}

/**
 * Every API route registered after this call authenticates before anything else of the request
 * is looked at (its body read, parsed, validated): an anonymous caller gets `401` whatever it
 * sent, and learns nothing about a route's body. The principal found is the one the handler's
 * `requirePrincipal` returns (looked up once). Routes anyone may call declare `config: { public: true }`.
 */
export function authenticateFirst(app: FastifyInstance, auth: AuthService): void {
  const authenticate = async (request: FastifyRequest) => {
    await requirePrincipal(auth, request);
  };
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.config?.public === true) return;
    route.onRequest = [...[route.onRequest ?? []].flat(), authenticate];
  });
}

/** Paths the client never routes: an unknown one there is a 404, not the page. */
const NOT_PAGES = /^\/(api|socket\.io|assets)(\/|$)/;

/**
 * Maps every error to the API's error body: fastify's own (body too large, bad JSON), zod's, ours.
 * With `pageFallback`, an unknown GET outside the API gets the client's index.html (it routes itself).
 */
export function installErrorHandling(app: FastifyInstance, options: { pageFallback: boolean }): void {
  app.setErrorHandler((error: FastifyError | AppError | ZodError | Error, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error);
    if (appError.code === 'internal') request.log.error({ err: error }, 'request failed');
    // A delay the caller must wait (login-throttle.ts): said as HTTP says it.
    const retryAfter = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
    return reply.status(statusOf(appError)).send(bodyOf(appError));
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (options.pageFallback && (request.method === 'GET' || request.method === 'HEAD') && !NOT_PAGES.test(path)) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    const error = new AppError('not_found', `no such endpoint: ${request.method} ${request.url.split('?')[0]}`);
    return reply.status(404).send(bodyOf(error));
  });
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  // A route's declared schema refused the request: the same 400 as a parse in the handler.
  const declared = declaredSchemaFields(error);
  if (declared) return new AppError('validation_failed', 'the request is not valid', declared);
  if (error instanceof ZodError) return new AppError('validation_failed', 'the request is not valid', zodFields(error.issues));
  const fastifyError = error as Partial<FastifyError>;
  const status = fastifyError.statusCode;
  if (status === 429) return new AppError('rate_limited', 'too many requests: try again in a minute');
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) return new AppError('payload_too_large', 'the request body is too large');
  if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) {
    return new AppError('unsupported_media_type', 'send JSON with Content-Type: application/json');
  }
  if (error instanceof SyntaxError || fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return new AppError('malformed_json', 'the request body is not valid JSON');
  }
  if (status !== undefined && status >= 400 && status < 500) {
    return new AppError(status === 404 ? 'not_found' : 'validation_failed', fastifyError.message ?? 'bad request');
  }
  return new AppError('internal', 'something went wrong on the server');
}
