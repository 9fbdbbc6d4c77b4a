import { useMemo } from 'react';
import { updateUnitRequestSchema, type UnitDetail } from '../../../../shared/api/units';
import { updateUnit } from '../../../api/plan';
import { useT } from '../../../i18n';
import type { UnitNode } from '../../../components/unitTree';
import { ApiForm } from '../../../ui/ApiForm';
import { FormActions } from '../../../ui/FormActions';
import { useApiForm } from '../../../ui/useApiForm';
import { SelectField } from '../../../ui/Field';
import { unitFields } from './unitFields';
import { unitOptions, withDescendants } from '../../../components/unitOptions';

interface Props {
  unit: UnitDetail;
  /** Every unit, for the descendants of this one. */
  units: readonly UnitDetail[];
  /** The units in use, in tree order. */
  tree: readonly UnitNode[];
  onDone: (unit: UnitDetail) => void;
  onCancel: () => void;
}

/** The select's value for no parent: a top unit. */
const TOP = 'top';

/** A unit under another parent (or at the top); never under itself or a unit below it. */
export function MoveUnitForm({ unit, units, tree, onDone, onCancel }: Props) {
  const t = useT();
  const parentIdOf = (parent: string) => (parent === TOP ? null : Number(parent));
  const { field, submit, busy, formError } = useApiForm({
    schema: updateUnitRequestSchema,
    defaultValues: { parentId: unit.parentId === null ? TOP : String(unit.parentId) },
    messages: unitFields,
    toRequest: ({ parentId }) => ({ parentId: parentIdOf(parentId) }),
    unchanged: ({ parentId }) => parentIdOf(parentId) === unit.parentId,
    onUnchanged: onCancel,
    send: (patch) => updateUnit(unit.id, patch),
    onDone,
  });
  const options = useMemo(
    () => [{ value: TOP, label: t('admin.orgUnits.move.top') }, ...unitOptions(tree, withDescendants(units, unit.id))],
    [t, tree, units, unit.id],
  );

  return (
    <ApiForm onSubmit={submit} error={formError} heading={t('admin.orgUnits.move.heading', { name: unit.name })} headingHidden>
      <SelectField
        label={t('admin.orgUnits.move.label')}
        className="field-wide"
        options={options}
        hint={t('admin.orgUnits.move.hint')}
        {...field('parentId')}
        autoFocus
      />
      <FormActions busy={busy} submit="admin.orgUnits.move.save" submitting="admin.orgUnits.move.saving" onCancel={onCancel} small />
    </ApiForm>
  );
}
