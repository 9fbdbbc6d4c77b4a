import type { RouteOptions } from 'fastify';
import { z, type ZodType } from 'zod';
import { errorBodySchema, type ErrorCode } from '../../shared/api/errors';

/** Statuses of the API's refusals, each with the codes it carries (shared/api/errors.ts). */
const REFUSALS = {
  400: { codes: ['validation_failed', 'malformed_json'], says: 'The request is not valid' },
  401: { codes: ['unauthenticated', 'invalid_credentials'], says: 'Not signed in, or no valid token' },
  403: { codes: ['forbidden'], says: 'Not allowed (role, token scope, or a write from another origin)' },
  404: { codes: ['not_found'], says: 'No such resource' },
  409: { codes: ['conflict', 'idempotency_key_reused', 'term_closed'], says: 'In conflict with the current state' },
  413: { codes: ['payload_too_large'], says: 'The body is too large' },
  415: { codes: ['unsupported_media_type'], says: 'The body is not of the content type this route takes' },
  429: { codes: ['rate_limited'], says: 'Too many requests; `Retry-After` says when to try again' },
} satisfies Record<number, { codes: ErrorCode[]; says: string }>;
export type RefusalStatus = keyof typeof REFUSALS;

/** A response of the document: its description and the JSON schema, for the content types it is sent as. */
function response(description: string, schema: ZodType, contentTypes: readonly string[] = ['application/json']) {
  return { description, content: Object.fromEntries(contentTypes.map((type) => [type, { schema }])) };
}

/** The one error body (`{"error": {"code", "message", "fields"?}}`), under a status. */
function refusal(status: RefusalStatus) {
  const { codes, says } = REFUSALS[status];
  return response(`${says}: ${codes.map((code) => `\`${code}\``).join(', ')}`, errorBodySchema);
}

/** Refusals a route gives besides those every route of its kind gives (`documentRefusals`): `409`, a `404` without path parameters... */
export function refusals(...statuses: RefusalStatus[]): Partial<Record<RefusalStatus, ReturnType<typeof refusal>>> {
  return Object.fromEntries(statuses.map((status) => [status, refusal(status)]));
}

/** A success that is not JSON (a CSV, a PDF...): its content types, the body a string of bytes. */
export function fileAnswer(description: string, ...contentTypes: string[]) {
  return response(description, z.string().meta({ format: 'binary' }), contentTypes);
}

/** An answer without a body (`204`). */
export function noContent(description: string) {
  return z.undefined().describe(description);
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What a success says when its schema does not say it itself (`.describe()`). */
const SUCCESSES: Record<string, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted: carried out in the background', 204: 'Done; no body' };

/**
 * Completes a route's documented answers (its declaration stays what types the handler): a
 * description for each success, and the refusals its declaration implies — `400` when it takes
 * input, `413`/`415` when it takes a body, `404` with path parameters, `401` unless public, `403`
 * when signed in or a write (the Origin check), `429` with a rate limit. What only the route knows
 * (`409`, a `404` of a lookup) it declares itself with `refusals`.
 */
export function documentAnswers(route: RouteOptions): void {
  const schema = route.schema as (Record<string, unknown> & { response?: Record<string, unknown> }) | undefined;
  if (!schema || schema.hide) return;
  for (const [status, answer] of Object.entries(schema.response ?? {})) {
    if (!(answer instanceof z.ZodType) || answer.description !== undefined || SUCCESSES[status] === undefined) continue;
    schema.response![status] = status === '204' ? noContent(SUCCESSES[status]) : response(SUCCESSES[status], answer);
  }
  const isPublic = route.config?.public === true;
  const takesBody = schema.body !== undefined || schema.consumes !== undefined;
  const methods = [route.method].flat();
  const implied: RefusalStatus[] = [];
  if (takesBody || schema.querystring !== undefined || schema.params !== undefined) implied.push(400);
  if (!isPublic) implied.push(401);
  if (!isPublic || methods.some((method) => WRITES.has(method))) implied.push(403);
  if (schema.params !== undefined) implied.push(404);
  if (takesBody) implied.push(413, 415);
  if (route.config?.rateLimit) implied.push(429);
  schema.response = { ...refusals(...implied), ...schema.response };
  if (isPublic) schema.security = [];
}
