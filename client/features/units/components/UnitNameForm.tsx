import { useId, useState, type FormEvent } from 'react';
import { updateUnitRequestSchema, type UnitDetail } from '../../../../shared/api/units';
import { updateUnit } from '../../../api/plan';
import { useT } from '../../../i18n';
import { FormError } from '../../../ui/FormError';
import { TextField } from '../../../ui/Field';
import { useCheckedSubmit } from '../../../ui/useCheckedSubmit';
import { unitFields } from './unitFields';

interface Props {
  unit: UnitDetail;
  onDone: (unit: UnitDetail) => void;
  onCancel: () => void;
}

/** A unit's new name; the old one stays as history ("trước đây: …"). */
export function UnitNameForm({ unit, onDone, onCancel }: Props) {
  const t = useT();
  const id = useId();
  const [name, setName] = useState(unit.name);
  const { busy, fieldErrors, formError, submit } = useCheckedSubmit(unitFields);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (name.trim() === unit.name) {
      onCancel();
      return;
    }
    await submit(updateUnitRequestSchema.safeParse({ name }), async (patch) => {
      onDone(await updateUnit(unit.id, patch));
    });
  }

  return (
    <form className="admin-form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="visually-hidden">
        {t('admin.orgUnits.rename.heading', { name: unit.name })}
      </h3>
      <FormError error={formError} />
      <div className="screen-create-row">
        <TextField
          label={t('admin.orgUnits.rename.label')}
          name="name"
          autoComplete="off"
          maxLength={200}
          required
          value={name}
          onValueChange={setName}
          hint={t('admin.orgUnits.rename.hint')}
          error={fieldErrors.name}
          autoFocus
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary button-small" disabled={busy}>
          {busy ? t('admin.orgUnits.rename.saving') : t('admin.orgUnits.rename.save')}
        </button>
        <button type="button" className="button button-small" onClick={onCancel} disabled={busy}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}
