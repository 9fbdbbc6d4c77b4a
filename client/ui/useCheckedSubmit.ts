import { useState } from 'react';
import { asApiError, type ApiError } from '../api/http';
import type { MessageKey } from '../i18n';
import type { FieldErrors, FieldMessages } from './fieldErrors';

/** What `schema.safeParse(...)` answers, for a shared schema of the API. */
export type Parsed<T> =
  | { success: true; data: T }
  | { success: false; error: { issues: ReadonlyArray<{ path: readonly PropertyKey[]; code: string }> } };

/**
 * The submit of a form checked with the API's own schema before anything is sent. A failed parse
 * puts its errors beside the fields and sends nothing; a refusal of the API puts its `fields`
 * beside the fields and its reason above the form (`formError`); `busy` while sending.
 */
export function useCheckedSubmit(messages: FieldMessages) {
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<MessageKey | null>(null);

  /**
   * `refused` may say a refusal in the form's own words, beside a field (a name already taken):
   * then no reason is shown above the form.
   */
  async function submit<T>(parsed: Parsed<T>, send: (data: T) => Promise<void>, refused?: (error: ApiError) => FieldErrors | null) {
    if (!parsed.success) {
      setFieldErrors(messages.ofIssues(parsed.error.issues));
      setFormError(null);
      return;
    }
    setBusy(true);
    setFieldErrors({});
    setFormError(null);
    try {
      await send(parsed.data);
    } catch (caught) {
      const error = asApiError(caught);
      const own = refused?.(error) ?? null;
      if (own) {
        setFieldErrors(own);
      } else {
        setFieldErrors(messages.ofApi(error));
        setFormError(`errors.${error.code}`);
      }
    } finally {
      setBusy(false);
    }
  }

  // setFieldErrors: for what the form finds wrong itself, beyond the schema.
  return { busy, fieldErrors, setFieldErrors, formError, submit };
}
