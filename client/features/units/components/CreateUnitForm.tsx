import { createUnitRequestSchema, type UnitDetail } from '../../../../shared/api/units';
import { createUnit } from '../../../api/plan';
import { useT } from '../../../i18n';
import type { UnitNode } from '../../../components/unitTree';
import { ApiForm } from '../../../ui/ApiForm';
import { FormActions } from '../../../ui/FormActions';
import { useApiForm } from '../../../ui/useApiForm';
import { NameField, SelectField } from '../../../ui/Field';
import { unitFields } from './unitFields';
import { unitOptions } from '../../../components/unitOptions';

interface Props {
  tree: readonly UnitNode[];
  onCreated: (unit: UnitDetail) => void;
}

const TOP = 'top';

/** A new unit, at the top or under a unit in use. */
export function CreateUnitForm({ tree, onCreated }: Props) {
  const t = useT();
  const { form, field, submit, busy, formError } = useApiForm({
    schema: createUnitRequestSchema,
    defaultValues: { name: '', parentId: TOP },
    messages: unitFields,
    toRequest: ({ name, parentId }) => ({ name, parentId: parentId === TOP ? null : Number(parentId) }),
    send: createUnit,
    onDone: (unit) => {
      form.resetField('name');
      onCreated(unit);
    },
  });

  return (
    <ApiForm onSubmit={submit} error={formError}>
      <NameField label={t('admin.orgUnits.create.name')} className="field-wide" maxLength={200} {...field('name')} />
      <SelectField
        label={t('admin.orgUnits.create.parent')}
        className="field-wide"
        options={[{ value: TOP, label: t('admin.orgUnits.move.top') }, ...unitOptions(tree)]}
        {...field('parentId')}
      />
      <FormActions busy={busy} submit="admin.orgUnits.create.submit" submitting="admin.orgUnits.create.submitting" />
    </ApiForm>
  );
}
