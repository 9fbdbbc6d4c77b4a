import type { ApiError } from '../../api';
import { fieldErrorKey, hasMessage, type MessageKey } from '../../i18n';

/** Field name → the message shown beside it. */
export type FieldErrors = Partial<Record<string, MessageKey>>;

/**
 * The message of a field error code: one written for that field (`workspace.field.date.custom`),
 * else one of the workspace's own codes (`workspace.fieldError.unknown_indicator`), else the
 * shared reading and shape messages (`readingField.*`, `fieldError.*`).
 */
export function fieldMessageKey(field: string, code: string): MessageKey {
  const specific = `workspace.field.${field}.${code}`;
  if (hasMessage(specific)) return specific;
  const own = `workspace.fieldError.${code}`;
  if (hasMessage(own)) return own;
  return fieldErrorKey(code);
}

/** The first issue of each field of a failed parse with a shared schema. */
export function fieldErrorsOfIssues(issues: ReadonlyArray<{ path: readonly PropertyKey[]; code: string }>): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.map(String).join('.') || '_';
    errors[field] ??= fieldMessageKey(field, issue.code);
  }
  return errors;
}

/** Field → code pairs (the reading rules, an API error's `fields`), translated. */
export function fieldErrorsOfCodes(codes: Readonly<Record<string, string>>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, code] of Object.entries(codes)) errors[field] = fieldMessageKey(field, code);
  return errors;
}

export function fieldErrorsOfApi(error: ApiError): FieldErrors {
  return fieldErrorsOfCodes(error.fields);
}

/** Errors of fields the form does not show (a header, an unknown path): said above the form. */
export function unplacedErrors(errors: FieldErrors, shown: readonly string[]): MessageKey[] {
  return Object.entries(errors)
    .filter(([field]) => !shown.includes(field))
    .map(([, key]) => key)
    .filter((key): key is MessageKey => key !== undefined);
}
