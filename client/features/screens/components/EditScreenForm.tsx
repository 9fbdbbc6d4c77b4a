import { useId, useState, type FormEvent } from 'react';
import { ROTATE_SECONDS, updateDisplayRequestSchema, type Display } from '../../../../shared/api/displays';
import { updateDisplay } from '../../../api';
import { useT } from '../../../i18n';
import { FormError } from '../../../ui/FormError';
import { Field } from '../../../ui/Field';
import { ScreenNameField } from './ScreenNameField';
import { useCheckedSubmit } from '../../../ui/useCheckedSubmit';
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
  const { busy: saving, fieldErrors, formError, submit } = useCheckedSubmit(screenFields);

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
    await submit(updateDisplayRequestSchema.safeParse(patch), async (data) => {
      await updateDisplay(display.id, data);
      onDone(true);
    });
  }

  return (
    <form className="screen-edit" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('screens.edit.heading', { name: display.name })}</h3>
      <FormError error={formError} />
      <div className="screen-edit-fields">
        <ScreenNameField
          label={t('screens.edit.name')}
          value={name}
          onValueChange={setName}
          error={fieldErrors.name}
          autoFocus
        />
        <Field
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
