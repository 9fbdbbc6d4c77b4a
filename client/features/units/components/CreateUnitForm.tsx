import { createUnitRequestSchema, type UnitDetail } from '../../../../shared/api/units';
import { createUnit } from '../../../api/plan';
import { useT } from '../../../i18n';
import type { UnitNode } from '../../../components/unitTree';
import { FormError } from '../../../ui/FormError';
import { Field } from '../../../ui/Field';
import { FormActions } from '../../../ui/FormActions';
import { useApiForm } from '../../../ui/useApiForm';
import { SelectField } from '../../../ui/Field';
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
    <form className="admin-form" onSubmit={submit} noValidate>
      <FormError error={formError} />
      <Field
        label={t('admin.orgUnits.create.name')}
        className="field-wide"
        autoComplete="off"
        maxLength={200}
        required
        {...field('name')}
      />
      <SelectField
        label={t('admin.orgUnits.create.parent')}
        className="field-wide"
        options={[{ value: TOP, label: t('admin.orgUnits.move.top') }, ...unitOptions(tree)]}
        {...field('parentId')}
      />
      <FormActions busy={busy} submit="admin.orgUnits.create.submit" submitting="admin.orgUnits.create.submitting" />
    </form>
  );
}
