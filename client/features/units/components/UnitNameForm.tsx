import { updateUnitRequestSchema, type UnitDetail } from '../../../../shared/api/units';
import { updateUnit } from '../../../api/plan';
import { useT } from '../../../i18n';
import { NameField } from '../../../ui/Field';
import { FormActions } from '../../../ui/FormActions';
import { ApiForm } from '../../../ui/ApiForm';
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
    <ApiForm onSubmit={submit} error={formError} heading={t('admin.orgUnits.rename.heading', { name: unit.name })} headingHidden>
      <div className="screen-create-row">
        <NameField label={t('admin.orgUnits.rename.label')} maxLength={200} hint={t('admin.orgUnits.rename.hint')} {...field('name')} autoFocus />
      </div>
      <FormActions busy={busy} submit="admin.orgUnits.rename.save" submitting="admin.orgUnits.rename.saving" onCancel={onCancel} small />
    </ApiForm>
  );
}
