import { useId, useMemo, useState, type FormEvent } from 'react';
import { updateUnitRequestSchema, type UnitDetail } from '../../../../shared/api/units';
import { updateUnit } from '../../../api/plan';
import { useT } from '../../../i18n';
import type { UnitNode } from '../../../components/unitTree';
import { FormError } from '../../../ui/FormError';
import { useCheckedSubmit } from '../../../ui/useCheckedSubmit';
import { SelectField } from '../../../ui/SelectField';
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
  const id = useId();
  const [parent, setParent] = useState(unit.parentId === null ? TOP : String(unit.parentId));
  const { busy, fieldErrors, formError, submit } = useCheckedSubmit(unitFields);
  const options = useMemo(
    () => [{ value: TOP, label: t('admin.orgUnits.move.top') }, ...unitOptions(tree, withDescendants(units, unit.id))],
    [t, tree, units, unit.id],
  );

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const parentId = parent === TOP ? null : Number(parent);
    if (parentId === unit.parentId) {
      onCancel();
      return;
    }
    await submit(updateUnitRequestSchema.safeParse({ parentId }), async (patch) => {
      onDone(await updateUnit(unit.id, patch));
    });
  }

  return (
    <form className="admin-form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="visually-hidden">
        {t('admin.orgUnits.move.heading', { name: unit.name })}
      </h3>
      <FormError error={formError} />
      <SelectField
        label={t('admin.orgUnits.move.label')}
        name="parentId"
        className="field-wide"
        value={parent}
        options={options}
        onValueChange={setParent}
        hint={t('admin.orgUnits.move.hint')}
        error={fieldErrors.parentId}
        autoFocus
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary button-small" disabled={busy}>
          {busy ? t('admin.orgUnits.move.saving') : t('admin.orgUnits.move.save')}
        </button>
        <button type="button" className="button button-small" onClick={onCancel} disabled={busy}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}
