import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { BoardGroup, BoardIndicator } from '../../../../shared/api/board';
import { AGGREGATIONS, DIRECTIONS, FREQUENCIES, MEASURES, isTermTotal, type Measure } from '../../../../shared/indicator/model';
import { createIndicator, updateIndicator } from '../../../api/plan';
import { useLang, useT } from '../../../i18n';
import type { UnitNode } from '../../../components/unitTree';
import { FormError } from '../../../ui/FormError';
import { Field } from '../../../ui/Field';
import { useCheckedSubmit } from '../../../ui/useCheckedSubmit';
import { unitOptions } from '../../../components/unitOptions';
import { checkDraft, definitionOf, draftOf, emptyDraft, indicatorMessages, patchOf, type IndicatorDraft } from './indicatorDraft';
import { MilestonesField } from './MilestonesField';
import { SelectField } from '../../../ui/Field';

export type IndicatorSaved = { kind: 'created' | 'saved'; indicator: BoardIndicator } | { kind: 'unchanged' };

interface Props {
  termId: number;
  /** The term's first day: a first milestone is proposed for its year. */
  termStart: string;
  groups: readonly BoardGroup[];
  /** The units in use, in tree order. */
  units: readonly UnitNode[];
  /** The indicator edited; none for a new one. */
  indicator?: BoardIndicator | undefined;
  /** The group a new indicator starts in. */
  groupId?: number | undefined;
  onSaved: (saved: IndicatorSaved) => void;
  onCancel: () => void;
}

/** `percent` and `ratio` are shown as percentages; the others carry their own unit. */
function showsPercent(measure: Measure): boolean {
  return measure === 'percent' || measure === 'ratio';
}

/**
 * Every field of an indicator's definition. Checked with `indicatorDefinitionSchema` before
 * anything is sent; the API's refusals (a taken code, a rule) are shown beside the fields too.
 * An edit sends only the fields that changed.
 */
export function IndicatorForm({ termId, termStart, groups, units, indicator, groupId, onSaved, onCancel }: Props) {
  const t = useT();
  const lang = useLang();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<IndicatorDraft>(() => (indicator ? draftOf(indicator, lang) : emptyDraft(groupId ?? groups[0]?.id)));
  const { busy, fieldErrors, setFieldErrors, formError, submit } = useCheckedSubmit(indicatorMessages);
  // Bumped by each refused submit: focus then moves to the first field in error.
  const [refusals, setRefusals] = useState(0);

  useEffect(() => {
    // The fields are in screen order: the first one marked is the first one in error.
    if (refusals > 0) form.current?.querySelector<HTMLElement>(':is(input, select, textarea)[aria-invalid="true"]')?.focus();
  }, [refusals]);

  const set = <K extends keyof IndicatorDraft>(key: K) => (value: IndicatorDraft[K]) => setDraft((previous) => ({ ...previous, [key]: value }));

  function setMeasure(text: string) {
    const measure = MEASURES.find((m) => m === text);
    if (!measure) return;
    setDraft((previous) => ({
      ...previous,
      measure,
      // Percentages do not add up: a percent indicator takes its latest reading.
      aggregation: measure === 'percent' ? 'latest' : previous.aggregation,
      // The unit follows the measure while it is still the one proposed ('%' or nothing).
      unit: previous.unit === '' || previous.unit === '%' ? (showsPercent(measure) ? '%' : '') : previous.unit,
    }));
  }

  const ownerOptions = useMemo(() => {
    const options = unitOptions(units);
    // An owner unit merged away since (history) stays shown, so the form never lies about it.
    if (indicator && !options.some((option) => option.value === String(indicator.ownerUnit.id))) {
      options.unshift({ value: String(indicator.ownerUnit.id), label: indicator.ownerUnit.name });
    }
    return options;
  }, [units, indicator]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const checked = checkDraft(draft);
    if (checked.errors) {
      setFieldErrors(checked.errors);
      setRefusals((n) => n + 1);
      return;
    }
    let refused = false;
    await submit(
      { success: true, data: checked.definition },
      async (definition) => {
        if (!indicator) {
          onSaved({ kind: 'created', indicator: await createIndicator(termId, definition) });
          return;
        }
        const patch = patchOf(definitionOf(indicator), definition);
        if (Object.keys(patch).length === 0) {
          onSaved({ kind: 'unchanged' });
          return;
        }
        onSaved({ kind: 'saved', indicator: await updateIndicator(indicator.id, patch) });
      },
      (error) => {
        refused = true;
        // A taken code (409 with `fields`) is said beside the code, in the form's words only.
        return error.code === 'conflict' && Object.keys(error.fields).length > 0 ? indicatorMessages.ofApi(error) : null;
      },
    );
    if (refused) setRefusals((n) => n + 1);
  }

  const termTotal = isTermTotal(draft);
  const heading = indicator ? t('admin.plan.indicator.editHeading', { code: indicator.code }) : t('admin.plan.indicator.createHeading');

  return (
    <form ref={form} className="admin-form plan-indicator-form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{heading}</h3>
      <FormError error={formError} />
      <div className="admin-form-row">
        <Field
          label={t('admin.plan.indicator.code')}
          name="code"
          className="field-narrow"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={20}
          required
          value={draft.code}
          onValueChange={(text) => set('code')(text.toUpperCase())}
          hint={t('admin.plan.indicator.codeHint')}
          error={fieldErrors.code}
          autoFocus
        />
        <Field
          label={t('admin.plan.indicator.name')}
          name="name"
          className="field-wide"
          autoComplete="off"
          maxLength={300}
          required
          value={draft.name}
          onValueChange={set('name')}
          error={fieldErrors.name}
        />
      </div>
      <Field
        label={t('admin.plan.indicator.description')}
        name="description"
        className="field-wide"
        rows={2}
        maxLength={2000}
        value={draft.description}
        onValueChange={set('description')}
        hint={t('admin.plan.indicator.descriptionHint')}
        error={fieldErrors.description}
      />
      <div className="admin-form-row">
        <SelectField
          label={t('admin.plan.indicator.group')}
          name="groupId"
          required
          value={draft.groupId}
          placeholder={t('admin.plan.indicator.chooseGroup')}
          options={groups.map((group) => ({ value: String(group.id), label: group.name }))}
          onValueChange={set('groupId')}
          error={fieldErrors.groupId}
        />
        <SelectField
          label={t('admin.plan.indicator.owner')}
          name="ownerUnitId"
          className="field-wide"
          required
          value={draft.ownerUnitId}
          placeholder={t('admin.plan.indicator.chooseOwner')}
          options={ownerOptions}
          onValueChange={set('ownerUnitId')}
          hint={t('admin.plan.indicator.ownerHint')}
          error={fieldErrors.ownerUnitId}
        />
      </div>
      <div className="admin-form-row">
        <SelectField
          label={t('admin.plan.indicator.measure')}
          name="measure"
          value={draft.measure}
          options={MEASURES.map((measure) => ({ value: measure, label: t(`admin.plan.indicator.measureName.${measure}`) }))}
          onValueChange={setMeasure}
          hint={t(`admin.plan.indicator.measureHint.${draft.measure}`)}
          error={fieldErrors.measure}
        />
        <SelectField
          label={t('admin.plan.indicator.aggregation')}
          name="aggregation"
          value={draft.aggregation}
          options={AGGREGATIONS.map((aggregation) => ({ value: aggregation, label: t(`admin.plan.indicator.aggregationName.${aggregation}`) }))}
          onValueChange={(text) => {
            const aggregation = AGGREGATIONS.find((a) => a === text);
            if (aggregation) set('aggregation')(aggregation);
          }}
          hint={t(`admin.plan.indicator.aggregationHint.${draft.aggregation}`)}
          error={fieldErrors.aggregation}
        />
        <SelectField
          label={t('admin.plan.indicator.direction')}
          name="direction"
          value={draft.direction}
          options={DIRECTIONS.map((direction) => ({ value: direction, label: t(`admin.plan.indicator.directionName.${direction}`) }))}
          onValueChange={(text) => {
            const direction = DIRECTIONS.find((d) => d === text);
            if (direction) set('direction')(direction);
          }}
          hint={t(`admin.plan.indicator.directionHint.${draft.direction}`)}
          error={fieldErrors.direction}
        />
        <SelectField
          label={t('admin.plan.indicator.frequency')}
          name="updateFrequency"
          value={draft.updateFrequency}
          options={FREQUENCIES.map((frequency) => ({ value: frequency, label: t(`admin.plan.indicator.frequencyName.${frequency}`) }))}
          onValueChange={(text) => {
            const frequency = FREQUENCIES.find((f) => f === text);
            if (frequency) set('updateFrequency')(frequency);
          }}
          hint={t('admin.plan.indicator.frequencyHint')}
          error={fieldErrors.updateFrequency}
        />
      </div>
      <div className="admin-form-row">
        <Field
          label={t('admin.plan.indicator.unit')}
          name="unit"
          className="field-narrow"
          autoComplete="off"
          maxLength={50}
          value={draft.unit}
          onValueChange={set('unit')}
          hint={t('admin.plan.indicator.unitHint')}
          error={fieldErrors.unit}
        />
        <Field
          label={t('admin.plan.indicator.baseline')}
          name="baseline"
          className="field-narrow"
          inputMode="decimal"
          autoComplete="off"
          maxLength={30}
          required
          value={draft.baseline}
          onValueChange={set('baseline')}
          hint={t(termTotal ? 'admin.plan.indicator.baselineTotalHint' : 'admin.plan.indicator.baselineHint')}
          error={fieldErrors.baseline}
        />
        <Field
          label={t('admin.plan.indicator.target')}
          name="target"
          className="field-narrow"
          inputMode="decimal"
          autoComplete="off"
          maxLength={30}
          required
          value={draft.target}
          onValueChange={set('target')}
          hint={t('admin.plan.indicator.targetHint')}
          error={fieldErrors.target}
        />
        <Field
          label={t('admin.plan.indicator.decimals')}
          name="decimals"
          className="field-narrow"
          type="number"
          inputMode="numeric"
          min={0}
          max={4}
          step={1}
          required
          value={draft.decimals}
          onValueChange={set('decimals')}
          hint={t('admin.plan.indicator.decimalsHint')}
          error={fieldErrors.decimals}
        />
      </div>
      <MilestonesField
        milestones={draft.milestones}
        onChange={set('milestones')}
        errors={fieldErrors}
        firstYear={Number(termStart.slice(0, 4))}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('admin.plan.indicator.saving') : t('admin.plan.indicator.save')}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}
