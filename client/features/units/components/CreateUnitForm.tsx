import { useState, type FormEvent } from 'react';
import { createUnitRequestSchema, type UnitDetail } from '../../../../shared/api/units';
import { createUnit } from '../../../api/plan';
import { useT } from '../../../i18n';
import type { UnitNode } from '../../../components/unitTree';
import { FormError } from '../../../ui/FormError';
import { TextField } from '../../../ui/Field';
import { useCheckedSubmit } from '../../../ui/useCheckedSubmit';
import { SelectField } from '../../../ui/SelectField';
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
  const [name, setName] = useState('');
  const [parent, setParent] = useState(TOP);
  const { busy, fieldErrors, formError, submit } = useCheckedSubmit(unitFields);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    await submit(createUnitRequestSchema.safeParse({ name, parentId: parent === TOP ? null : Number(parent) }), async (request) => {
      const unit = await createUnit(request);
      setName('');
      onCreated(unit);
    });
  }

  return (
    <form className="admin-form" onSubmit={onSubmit} noValidate>
      <FormError error={formError} />
      <TextField
        label={t('admin.orgUnits.create.name')}
        name="name"
        className="field-wide"
        autoComplete="off"
        maxLength={200}
        required
        value={name}
        onValueChange={setName}
        error={fieldErrors.name}
      />
      <SelectField
        label={t('admin.orgUnits.create.parent')}
        name="parentId"
        className="field-wide"
        value={parent}
        options={[{ value: TOP, label: t('admin.orgUnits.move.top') }, ...unitOptions(tree)]}
        onValueChange={setParent}
        error={fieldErrors.parentId}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('admin.orgUnits.create.submitting') : t('admin.orgUnits.create.submit')}
        </button>
      </div>
    </form>
  );
}
