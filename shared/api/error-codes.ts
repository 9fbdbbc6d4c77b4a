/*
 * The API's error codes without zod, for a client that reads an error answer field by field (the
 * signed-in app's first route, client/api/http.ts). errors.ts builds the schema on them.
 */

/** Stable error codes of the HTTP API. Clients translate them (client/i18n); never rename one. */
export const ERROR_CODES = [
  'validation_failed',
  'malformed_json',
  'unauthenticated',
  'invalid_credentials',
  'forbidden',
  'not_found',
  'conflict',
  'idempotency_key_reused',
  'term_closed',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const HTTP_STATUS_OF: Record<ErrorCode, number> = {
  validation_failed: 400,
  malformed_json: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  idempotency_key_reused: 409,
  term_closed: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
};
