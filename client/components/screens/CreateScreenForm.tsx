import { useId, useState, type FormEvent } from 'react';
import { createDisplayRequestSchema, type CreatedDisplay } from '../../../shared/api/displays';
import { asApiError, createDisplay } from '../../api';
import { useT, type MessageKey } from '../../i18n';
import type { FieldErrors } from '../form/fieldErrors';
import { screenFields } from './fieldMessages';

/** Names a new screen; the server answers with its link, handed to `onCreated` to show once. */
export function CreateScreenForm({ onCreated }: { onCreated: (created: CreatedDisplay) => void }) {
  const t = useT();
  const id = useId();
  const [name, setName] = useState('');
  const [creating, setCreating] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<MessageKey | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (creating) return;
    const parsed = createDisplayRequestSchema.safeParse({ name });
    if (!parsed.success) {
      setFieldErrors(screenFields.ofIssues(parsed.error.issues));
      setFormError(null);
      return;
    }
    setCreating(true);
    setFieldErrors({});
    setFormError(null);
    try {
      const created = await createDisplay(parsed.data);
      setName('');
      onCreated(created);
    } catch (caught) {
      const error = asApiError(caught);
      setFieldErrors(screenFields.ofApi(error));
      setFormError(`errors.${error.code}`);
    } finally {
      setCreating(false);
    }
  }

  const nameError = fieldErrors.name;

  return (
    <form className="screen-create" onSubmit={onSubmit} noValidate>
      {formError && (
        <p className="notice notice-error" role="alert">
          {t(formError)}
        </p>
      )}
      <div className="screen-create-row">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-name`}>
            {t('screens.create.name')}
          </label>
          <input
            id={`${id}-name`}
            name="name"
            maxLength={100}
            required
            value={name}
            onChange={(event) => setName(event.target.value)}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={`${id}-hint${nameError ? ` ${id}-error` : ''}`}
          />
          <span className="field-hint" id={`${id}-hint`}>
            {t('screens.create.hint')}
          </span>
          {nameError && (
            <span className="field-error" id={`${id}-error`}>
              {t(nameError)}
            </span>
          )}
        </div>
        <button type="submit" className="button button-primary" disabled={creating}>
          {creating ? t('screens.create.submitting') : t('screens.create.submit')}
        </button>
      </div>
    </form>
  );
}
