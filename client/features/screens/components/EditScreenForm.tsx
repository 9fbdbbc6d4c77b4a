import { ROTATE_SECONDS, updateDisplayRequestSchema, type Display } from '../../../../shared/api/displays';
import { updateDisplay } from '../../../api';
import { useT } from '../../../i18n';
import { Field } from '../../../ui/Field';
import { FormActions } from '../../../ui/FormActions';
import { ApiForm } from '../../../ui/ApiForm';
import { changedFields, useApiForm } from '../../../ui/useApiForm';
import { screenFields } from './fieldMessages';
import { ScreenNameField } from './ScreenNameField';

interface Props {
  display: Display;
  /** Called after a save, or when there was nothing to save. */
  onDone: (saved: boolean) => void;
  onCancel: () => void;
}

/** Renames a screen and sets how long each page stays; only what changed is sent. */
export function EditScreenForm({ display, onDone, onCancel }: Props) {
  const t = useT();
  const initial = { name: display.name, rotateSeconds: String(display.rotateSeconds) };
  const { field, submit, busy, formError } = useApiForm({
    schema: updateDisplayRequestSchema,
    defaultValues: initial,
    messages: screenFields,
    toRequest: (values) => {
      const { name, rotateSeconds } = changedFields(values, initial);
      // An empty or non-numeric box becomes NaN, which the schema reports as a wrong type.
      return { name, rotateSeconds: rotateSeconds === undefined ? undefined : rotateSeconds.trim() === '' ? Number.NaN : Number(rotateSeconds) };
    },
    unchanged: (values) => Object.keys(changedFields(values, initial)).length === 0,
    onUnchanged: () => onDone(false),
    send: (patch) => updateDisplay(display.id, patch),
    onDone: () => onDone(true),
  });

  return (
    <ApiForm className="screen-edit" onSubmit={submit} error={formError} heading={t('screens.edit.heading', { name: display.name })}>
      <div className="screen-edit-fields">
        <ScreenNameField label={t('screens.edit.name')} {...field('name')} autoFocus />
        <Field
          label={t('screens.edit.rotate')}
          type="number"
          inputMode="numeric"
          min={ROTATE_SECONDS.min}
          max={ROTATE_SECONDS.max}
          step={1}
          required
          hint={t('screens.edit.rotateHint', { min: ROTATE_SECONDS.min, max: ROTATE_SECONDS.max })}
          className="field-narrow"
          {...field('rotateSeconds')}
        />
      </div>
      <FormActions busy={busy} submit="screens.edit.save" submitting="screens.edit.saving" onCancel={onCancel} cancel="screens.edit.cancel" />
    </ApiForm>
  );
}
