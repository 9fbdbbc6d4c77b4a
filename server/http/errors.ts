import { HTTP_STATUS_OF, type ErrorBody, type ErrorCode } from '../../shared/api/errors';

/** An error a client caused or may see: a stable code, an English message, optional field codes. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }

  get status(): number {
    return HTTP_STATUS_OF[this.code];
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
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
