import { useId } from 'react';
import { updateUnitRequestSchema, type UnitDetail } from '../../../../shared/api/units';
import { updateUnit } from '../../../api/plan';
import { useT } from '../../../i18n';
import { Field } from '../../../ui/Field';
import { FormActions } from '../../../ui/FormActions';
import { FormError } from '../../../ui/FormError';
import { useApiForm } from '../../../ui/useApiForm';
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
  const { field, submit, busy, formError } = useApiForm({
    schema: updateUnitRequestSchema,
    defaultValues: { name: unit.name },
    messages: unitFields,
    unchanged: ({ name }) => name.trim() === unit.name,
    onUnchanged: onCancel,
    send: (patch) => updateUnit(unit.id, patch),
    onDone,
  });

  return (
    <form className="admin-form" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="visually-hidden">
        {t('admin.orgUnits.rename.heading', { name: unit.name })}
      </h3>
      <FormError error={formError} />
      <div className="screen-create-row">
        <Field
          label={t('admin.orgUnits.rename.label')}
          autoComplete="off"
          maxLength={200}
          required
          hint={t('admin.orgUnits.rename.hint')}
          {...field('name')}
          autoFocus
        />
      </div>
      <FormActions busy={busy} submit="admin.orgUnits.rename.save" submitting="admin.orgUnits.rename.saving" onCancel={onCancel} small />
    </form>
  );
}
