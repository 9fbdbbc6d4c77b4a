import { useId, useState, type FormEvent } from 'react';
import { ROTATE_SECONDS, updateDisplayRequestSchema, type Display } from '../../../shared/api/displays';
import { asApiError, updateDisplay } from '../../api';
import { useT, type MessageKey } from '../../i18n';
import type { FieldErrors } from '../form/fieldErrors';
import { TextField } from '../form/TextField';
import { screenFields } from './fieldMessages';

interface Props {
  display: Display;
  /** Called after a save, or when there was nothing to save. */
  onDone: (saved: boolean) => void;
  onCancel: () => void;
}

/** Renames a screen and sets how long each page stays; only what changed is sent. */
export function EditScreenForm({ display, onDone, onCancel }: Props) {
  const t = useT();
  const id = useId();
  const [name, setName] = useState(display.name);
  const [rotate, setRotate] = useState(String(display.rotateSeconds));
  const [saving, setSaving] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<MessageKey | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    const patch: Record<string, unknown> = {};
    if (name.trim() !== display.name) patch.name = name;
    // An empty or non-numeric box becomes NaN, which the schema reports as a wrong type.
    if (rotate.trim() !== String(display.rotateSeconds)) patch.rotateSeconds = rotate.trim() === '' ? Number.NaN : Number(rotate);
    if (Object.keys(patch).length === 0) {
      onDone(false);
      return;
    }
    const parsed = updateDisplayRequestSchema.safeParse(patch);
    if (!parsed.success) {
      setFieldErrors(screenFields.ofIssues(parsed.error.issues));
      setFormError(null);
      return;
    }
    setSaving(true);
    setFieldErrors({});
    setFormError(null);
    try {
      await updateDisplay(display.id, parsed.data);
      onDone(true);
    } catch (caught) {
      const error = asApiError(caught);
      setFieldErrors(screenFields.ofApi(error));
      setFormError(`errors.${error.code}`);
      setSaving(false);
    }
  }

  return (
    <form className="screen-edit" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('screens.edit.heading', { name: display.name })}</h3>
      {formError && (
        <p className="notice notice-error" role="alert">
          {t(formError)}
        </p>
      )}
      <div className="screen-edit-fields">
        <TextField
          label={t('screens.edit.name')}
          name="name"
          maxLength={100}
          required
          value={name}
          onValueChange={setName}
          error={fieldErrors.name}
          autoFocus
        />
        <TextField
          label={t('screens.edit.rotate')}
          name="rotateSeconds"
          type="number"
          inputMode="numeric"
          min={ROTATE_SECONDS.min}
          max={ROTATE_SECONDS.max}
          step={1}
          required
          value={rotate}
          onValueChange={setRotate}
          hint={t('screens.edit.rotateHint', { min: ROTATE_SECONDS.min, max: ROTATE_SECONDS.max })}
          error={fieldErrors.rotateSeconds}
          className="field-narrow"
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? t('screens.edit.saving') : t('screens.edit.save')}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={saving}>
          {t('screens.edit.cancel')}
        </button>
      </div>
    </form>
  );
}
