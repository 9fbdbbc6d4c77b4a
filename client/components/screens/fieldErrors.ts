import type { ApiError } from '../../api';
import { fieldErrorKey, hasMessage, type MessageKey } from '../../i18n';

/** Field name → the message shown beside it. */
export type FieldErrors = Partial<Record<string, MessageKey>>;

/** A screen-specific message (`screens.field.<field>.<code>`) when there is one, else the generic one. */
function messageOf(field: string, code: string): MessageKey {
  const specific = `screens.field.${field}.${code}`;
  return hasMessage(specific) ? specific : fieldErrorKey(code);
}

/** The first issue of each field of a failed parse with a shared schema, before anything is sent. */
export function fieldErrorsOfIssues(issues: ReadonlyArray<{ path: readonly PropertyKey[]; code: string }>): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.map(String).join('.') || '_';
    errors[field] ??= messageOf(field, issue.code);
  }
  return errors;
}

/** The `fields` of an API error (`400 validation_failed`), translated the same way. */
export function fieldErrorsOfApi(error: ApiError): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, code] of Object.entries(error.fields)) errors[field] = messageOf(field, code);
  return errors;
}
