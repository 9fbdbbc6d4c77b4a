import type { ApiError } from '../api/http';
import { fieldErrorKey, hasMessage, type MessageKey } from '../i18n';

/** Field name → the message shown beside it. */
export type FieldErrors = Partial<Record<string, MessageKey>>;

/** One issue of a failed check: where, its zod code and, for a rule, the rule's own (stable, English) message. */
export interface Issue {
  path: readonly PropertyKey[];
  code: string;
  message?: string | undefined;
}

/** Where a form's messages live, and which field an error of a nested path belongs to. */
export interface FieldMessagesOf {
  /** `<field>.<name>.<code>`: the form's own message for one field and code. */
  field: string;
  /** `<code>.<code>`: its own message for a code on any field, before the shared ones. */
  code?: string;
  /** An element's error (`unitIds.3`) is reported on its array (`unitIds`): that is where the message sits. */
  onArray?: boolean;
}

export interface FieldMessages {
  /** The form's own message for a field and code when there is one, else the shared one (`readingField.*`, `fieldError.*`). */
  message(field: string, code: string): MessageKey;
  /** The first issue of each field of a failed parse with a shared schema, before anything is sent. */
  ofIssues(issues: ReadonlyArray<Issue>): FieldErrors;
  /** Field → code pairs (rules checked here, an API error's `fields`), translated the same way. */
  ofCodes(codes: Readonly<Record<string, string>>): FieldErrors;
  /** The `fields` of an API error (`400 validation_failed`). */
  ofApi(error: ApiError): FieldErrors;
}

/** The field-error messages of one form (or of the forms of one area). */
export function fieldMessages({ field: fieldPrefix, code: codePrefix, onArray = false }: FieldMessagesOf): FieldMessages {
  function message(field: string, code: string): MessageKey {
    const specific = `${fieldPrefix}.${field}.${code}`;
    if (hasMessage(specific)) return specific;
    const own = `${codePrefix}.${code}`;
    if (codePrefix !== undefined && hasMessage(own)) return own;
    return fieldErrorKey(code);
  }

  function collect(pairs: Iterable<readonly [path: string, code: string]>): FieldErrors {
    const errors: FieldErrors = {};
    for (const [path, code] of pairs) {
      const field = (onArray ? path.split('.')[0] : path) || '_';
      errors[field] ??= message(field, code);
    }
    return errors;
  }

  const ofCodes = (codes: Readonly<Record<string, string>>) => collect(Object.entries(codes));
  return {
    message,
    ofIssues: (issues) => collect(issues.map((issue) => [issue.path.map(String).join('.'), issue.code] as const)),
    ofCodes,
    ofApi: (error) => ofCodes(error.fields),
  };
}

/** Errors of fields the form does not show (a header, an unknown path): said above the form. */
export function unplacedErrors(errors: FieldErrors, shown: readonly string[]): MessageKey[] {
  return Object.entries(errors)
    .filter(([field]) => !shown.includes(field))
    .map(([, key]) => key)
    .filter((key): key is MessageKey => key !== undefined);
}

/** The ids for `aria-describedby`: the hint and error ids that are present, space-separated. */
export function describedBy(...ids: ReadonlyArray<string | false | null | undefined>): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return present.length > 0 ? present.join(' ') : undefined;
}
