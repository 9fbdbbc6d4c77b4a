import type { ErrorCode } from '../shared/api/errors';

/**
 * A rule the caller broke, in the domain's words: a stable code (shared/api/errors.ts), an English
 * message, optional field codes. Services throw it and know nothing of HTTP; server/http/ maps the
 * code to a status and the error body.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

/** Field path → zod issue code, the `fields` of a validation error. */
export function zodFields(issues: ReadonlyArray<{ path: PropertyKey[]; code: string; keys?: string[] }>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      for (const key of issue.keys) fields[[...issue.path.map(String), key].join('.')] = 'unknown_field';
      continue;
    }
    const path = issue.path.map(String).join('.') || '_';
    fields[path] ??= issue.code;
  }
  return fields;
}
