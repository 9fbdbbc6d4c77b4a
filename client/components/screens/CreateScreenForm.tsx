import { useState, type FormEvent } from 'react';
import { createDisplayRequestSchema, type CreatedDisplay } from '../../../shared/api/displays';
import { asApiError, createDisplay } from '../../api';
import { useT, type MessageKey } from '../../i18n';
import type { FieldErrors } from '../form/fieldErrors';
import { TextField } from '../form/TextField';
import { screenFields } from './fieldMessages';

/** Names a new screen; the server answers with its link, handed to `onCreated` to show once. */
export function CreateScreenForm({ onCreated }: { onCreated: (created: CreatedDisplay) => void }) {
  const t = useT();
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

  return (
    <form className="screen-create" onSubmit={onSubmit} noValidate>
      {formError && (
        <p className="notice notice-error" role="alert">
          {t(formError)}
        </p>
      )}
      <div className="screen-create-row">
        <TextField
          label={t('screens.create.name')}
          name="name"
          maxLength={100}
          required
          value={name}
          onValueChange={setName}
          hint={t('screens.create.hint')}
          error={fieldErrors.name}
        />
        <button type="submit" className="button button-primary" disabled={creating}>
          {creating ? t('screens.create.submitting') : t('screens.create.submit')}
        </button>
      </div>
    </form>
  );
}
