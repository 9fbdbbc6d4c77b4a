import type { ApiError } from '../../api';
import { fieldErrorKey, hasMessage, type MessageKey } from '../../i18n';

/** Field name → the message shown beside it. */
export type FieldErrors = Partial<Record<string, MessageKey>>;

/** Where a form's own messages live: `admin.<form>.field.<field>.<code>`. */
export type FieldMessages = 'admin.users.field' | 'admin.tokens.field' | 'admin.audit.field';

/** The form's own message for a field and code when there is one, else the generic one. */
export function fieldMessage(prefix: FieldMessages, field: string, code: string): MessageKey {
  const specific = `${prefix}.${field}.${code}`;
  return hasMessage(specific) ? specific : fieldErrorKey(code);
}

/** The first issue of each field of a failed parse with a shared schema, before anything is sent. */
export function fieldErrorsOfIssues(
  prefix: FieldMessages,
  issues: ReadonlyArray<{ path: readonly PropertyKey[]; code: string }>,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    // An array's element (`unitIds.3`) is reported on the array: that is where the message sits.
    const field = String(issue.path[0] ?? '_');
    errors[field] ??= fieldMessage(prefix, field, issue.code);
  }
  return errors;
}

/** The `fields` of an API error (`400 validation_failed`), translated the same way. */
export function fieldErrorsOfApi(prefix: FieldMessages, error: ApiError): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, code] of Object.entries(error.fields)) {
    const field = path.split('.')[0] || '_';
    errors[field] ??= fieldMessage(prefix, field, code);
  }
  return errors;
}

/** The ids for `aria-describedby`: the hint and error ids that are present, space-separated. */
export function describedBy(...ids: ReadonlyArray<string | false | null | undefined>): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return present.length > 0 ? present.join(' ') : undefined;
}
