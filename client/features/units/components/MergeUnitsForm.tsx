import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { BoardIndicator } from '../../../../shared/api/board';
import { mergeUnitsRequestSchema, type MergeUnitsRequest, type UnitDetail } from '../../../../shared/api/units';
import type { User } from '../../../../shared/api/users';
import { useT, type MessageKey } from '../../../i18n';
import { UnitCheckboxes } from '../../../components/UnitCheckboxes';
import type { UnitNode } from '../../../components/unitTree';
import type { FieldErrors } from '../../../ui/fieldErrors';
import { NameField, SelectField } from '../../../ui/Field';
import { MergeConfirmDialog, type MergePlan } from './MergeConfirmDialog';
import { unitFields } from './unitFields';
import { isBelow, unitOptions, withDescendants } from '../../../components/unitOptions';

interface Props {
  units: readonly UnitDetail[];
  tree: readonly UnitNode[];
  /** The current term's indicators and the users, to say what moves; null when not known. */
  indicators: readonly BoardIndicator[] | null;
  users: readonly User[] | null;
  onMerged: (unit: UnitDetail) => void;
}

type Mode = 'existing' | 'new';
const TOP = 'top';

/**
 * Two units or more become one: one of them is kept, or a new unit is set up. What moves
 * (indicators with their readings, users' units, token scopes, sub-units) is said in the
 * confirmation before anything changes.
 */
export function MergeUnitsForm({ units, tree, indicators, users, onMerged }: Props) {
  const t = useT();
  const id = useId();
  const submitButton = useRef<HTMLButtonElement>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [mode, setMode] = useState<Mode>('existing');
  const [keep, setKeep] = useState('');
  const [name, setName] = useState('');
  const [parent, setParent] = useState(TOP);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [plan, setPlan] = useState<MergePlan | null>(null);
  const byId = useMemo(() => new Map(units.map((unit) => [unit.id, unit])), [units]);

  // The unit kept is one of those chosen; a new unit's parent is none of them, nor below them.
  const keepOptions = useMemo(() => unitOptions(tree.filter((node) => selected.includes(node.unit.id))), [tree, selected]);
  const parentOptions = useMemo(() => {
    const excluded = new Set<number>();
    for (const unitId of selected) for (const below of withDescendants(units, unitId)) excluded.add(below);
    return [{ value: TOP, label: t('admin.orgUnits.move.top') }, ...unitOptions(tree, excluded)];
  }, [t, tree, units, selected]);

  function check(): { request: MergeUnitsRequest; errors: null } | { request: null; errors: FieldErrors } {
    const own: FieldErrors = {};
    if (selected.length < 2) own.unitIds = 'admin.orgUnits.merge.tooFew';
    let candidate: unknown;
    if (mode === 'existing') {
      const keepId = Number(keep);
      if (keep === '' || !selected.includes(keepId)) own.into = 'admin.orgUnits.merge.keepMissing';
      else if (selected.some((other) => isBelow(units, keepId, other))) own.into = 'admin.orgUnits.merge.keepBelow';
      candidate = { unitIds: selected.filter((unitId) => unitId !== keepId), into: { unitId: keepId } };
    } else {
      const parentId = parent === TOP ? null : Number(parent);
      if (parentId !== null && selected.some((unitId) => withDescendants(units, unitId).has(parentId))) own.newParent = 'admin.orgUnits.merge.parentMerged';
      candidate = { unitIds: selected, into: { name, parentId } };
    }
    const parsed = mergeUnitsRequestSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [first, , second] = issue.path.map(String);
        // `into.name` is the new unit's name field; anything else of `into` is said beside the choice.
        const field = first === 'into' && second === 'name' ? 'name' : (first ?? '_');
        own[field] ??= unitFields.message(field, issue.code);
      }
    }
    if (Object.keys(own).length > 0 || !parsed.success) return { request: null, errors: own };
    return { request: parsed.data, errors: null };
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = check();
    setErrors(checked.errors ?? {});
    if (!checked.request) return;
    const from = checked.request.unitIds;
    const into = 'unitId' in checked.request.into ? (byId.get(checked.request.into.unitId)?.name ?? '') : checked.request.into.name;
    setPlan({
      request: checked.request,
      intoName: into,
      isNew: !('unitId' in checked.request.into),
      goneNames: from.map((unitId) => byId.get(unitId)?.name ?? t('admin.units.unknown', { id: unitId })),
      indicators: indicators === null ? null : indicators.filter((indicator) => from.includes(indicator.ownerUnit.id)).length,
      users: users === null ? null : users.filter((user) => user.unitIds.some((unitId) => from.includes(unitId))).length,
      hasChildren: units.some((unit) => unit.mergedIntoId === null && unit.parentId !== null && from.includes(unit.parentId) && !from.includes(unit.id)),
    });
  }

  function merged(unit: UnitDetail) {
    setPlan(null);
    setSelected([]);
    setKeep('');
    setName('');
    setParent(TOP);
    onMerged(unit);
  }

  const errorOf = (field: string): MessageKey | undefined => errors[field];

  return (
    <form className="admin-form" onSubmit={onSubmit} noValidate>
      <p className="screens-intro">{t('admin.orgUnits.merge.intro')}</p>
      <UnitCheckboxes
        legend={t('admin.orgUnits.merge.units')}
        tree={tree}
        selected={selected}
        onChange={(ids) => {
          setSelected(ids);
          if (!ids.includes(Number(keep))) setKeep('');
        }}
        error={errorOf('unitIds')}
      />
      <fieldset className="radio-group">
        <legend className="field-label">{t('admin.orgUnits.merge.into')}</legend>
        <label className="checkbox">
          <input type="radio" name={`${id}-mode`} value="existing" checked={mode === 'existing'} onChange={() => setMode('existing')} />
          <span>{t('admin.orgUnits.merge.intoExisting')}</span>
        </label>
        <label className="checkbox">
          <input type="radio" name={`${id}-mode`} value="new" checked={mode === 'new'} onChange={() => setMode('new')} />
          <span>{t('admin.orgUnits.merge.intoNew')}</span>
        </label>
      </fieldset>
      {mode === 'existing' ? (
        <SelectField
          label={t('admin.orgUnits.merge.keep')}
          name="keep"
          className="field-wide"
          value={keep}
          placeholder={t('admin.orgUnits.merge.chooseKeep')}
          options={keepOptions}
          onValueChange={setKeep}
          error={errorOf('into')}
        />
      ) : (
        <>
          <NameField label={t('admin.orgUnits.merge.newName')} name="name" className="field-wide" maxLength={200} value={name} onValueChange={setName} error={errorOf('name')} />
          <SelectField
            label={t('admin.orgUnits.merge.newParent')}
            name="parentId"
            className="field-wide"
            value={parent}
            options={parentOptions}
            onValueChange={setParent}
            error={errorOf('newParent') ?? errorOf('into')}
          />
        </>
      )}
      <div className="form-actions">
        <button type="submit" ref={submitButton} className="button button-danger-quiet">
          {t('admin.orgUnits.merge.submit')}
        </button>
      </div>
      {plan && (
        <MergeConfirmDialog
          plan={plan}
          onCancel={() => {
            setPlan(null);
            submitButton.current?.focus();
          }}
          onDone={merged}
        />
      )}
    </form>
  );
}
