import { useEffect, useMemo, useRef } from 'react';
import type { BoardGroup, BoardIndicator } from '../../../../shared/api/board';
import { indicatorDefinitionSchema } from '../../../../shared/api/plan';
import { AGGREGATIONS, DIRECTIONS, FREQUENCIES, MEASURES, isTermTotal, type Measure } from '../../../../shared/indicator/model';
import { createIndicator, updateIndicator } from '../../../api/plan';
import { useLang, useT } from '../../../i18n';
import type { UnitNode } from '../../../components/unitTree';
import { ApiForm } from '../../../ui/ApiForm';
import { Field, NameField } from '../../../ui/Field';
import { FormActions } from '../../../ui/FormActions';
import { useApiForm } from '../../../ui/useApiForm';
import { unitOptions } from '../../../components/unitOptions';
import { definitionOf, draftOf, emptyDraft, indicatorMessages, numberErrors, patchOf, requestOf } from './indicatorDraft';
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
  const formRef = useRef<HTMLFormElement>(null);
  const { form, field, errorOf, submit, busy, formError } = useApiForm({
    schema: indicatorDefinitionSchema,
    defaultValues: indicator ? draftOf(indicator, lang) : emptyDraft(groupId ?? groups[0]?.id),
    messages: indicatorMessages,
    toRequest: requestOf,
    ownErrors: numberErrors,
    send: async (definition): Promise<IndicatorSaved> => {
      if (!indicator) return { kind: 'created', indicator: await createIndicator(termId, definition) };
      const patch = patchOf(definitionOf(indicator), definition);
      if (Object.keys(patch).length === 0) return { kind: 'unchanged' };
      return { kind: 'saved', indicator: await updateIndicator(indicator.id, patch) };
    },
    onDone: onSaved,
    // A taken code (409 with `fields`) is said beside the code, in the form's words only.
    refused: (error) => (error.code === 'conflict' && Object.keys(error.fields).length > 0 ? indicatorMessages.ofApi(error) : null),
  });
  const draft = form.watch();
  const { submitCount } = form.formState;

  useEffect(() => {
    // After a refused check the first field in error takes the focus; the fields are in screen
    // order, milestones (not registered) included, so the first one marked is the first in error.
    if (submitCount > 0) formRef.current?.querySelector<HTMLElement>(':is(input, select, textarea)[aria-invalid="true"]')?.focus();
  }, [submitCount]);

  const measureField = form.register('measure', {
    onChange: (event: { target: { value: string } }) => {
      const measure = MEASURES.find((m) => m === event.target.value);
      if (!measure) return;
      // Percentages do not add up: a percent indicator takes its latest reading.
      if (measure === 'percent') form.setValue('aggregation', 'latest');
      // The unit follows the measure while it is still the one proposed ('%' or nothing).
      const unit = form.getValues('unit');
      if (unit === '' || unit === '%') form.setValue('unit', showsPercent(measure) ? '%' : '');
    },
  });
  const codeField = field('code');

  const ownerOptions = useMemo(() => {
    const options = unitOptions(units);
    // An owner unit merged away since (history) stays shown, so the form never lies about it.
    if (indicator && !options.some((option) => option.value === String(indicator.ownerUnit.id))) {
      options.unshift({ value: String(indicator.ownerUnit.id), label: indicator.ownerUnit.name });
    }
    return options;
  }, [units, indicator]);

  const termTotal = isTermTotal(draft);
  const heading = indicator ? t('admin.plan.indicator.editHeading', { code: indicator.code }) : t('admin.plan.indicator.createHeading');

  return (
    <ApiForm ref={formRef} className="admin-form plan-indicator-form" onSubmit={submit} error={formError} heading={heading}>
      <div className="admin-form-row">
        <NameField
          code
          label={t('admin.plan.indicator.code')}
          className="field-narrow"
          maxLength={20}
          hint={t('admin.plan.indicator.codeHint')}
          {...codeField}
          onChange={(event) => {
            event.target.value = event.target.value.toUpperCase();
            return codeField.onChange(event);
          }}
          autoFocus
        />
        <NameField label={t('admin.plan.indicator.name')} className="field-wide" maxLength={300} {...field('name')} />
      </div>
      <Field
        label={t('admin.plan.indicator.description')}
        className="field-wide"
        rows={2}
        maxLength={2000}
        hint={t('admin.plan.indicator.descriptionHint')}
        {...field('description')}
      />
      <div className="admin-form-row">
        <SelectField
          label={t('admin.plan.indicator.group')}
          required
          placeholder={t('admin.plan.indicator.chooseGroup')}
          options={groups.map((group) => ({ value: String(group.id), label: group.name }))}
          {...field('groupId')}
        />
        <SelectField
          label={t('admin.plan.indicator.owner')}
          className="field-wide"
          required
          placeholder={t('admin.plan.indicator.chooseOwner')}
          options={ownerOptions}
          hint={t('admin.plan.indicator.ownerHint')}
          {...field('ownerUnitId')}
        />
      </div>
      <div className="admin-form-row">
        <SelectField
          label={t('admin.plan.indicator.measure')}
          options={MEASURES.map((measure) => ({ value: measure, label: t(`admin.plan.indicator.measureName.${measure}`) }))}
          hint={t(`admin.plan.indicator.measureHint.${draft.measure}`)}
          {...measureField}
          error={errorOf('measure')}
        />
        <SelectField
          label={t('admin.plan.indicator.aggregation')}
          options={AGGREGATIONS.map((aggregation) => ({ value: aggregation, label: t(`admin.plan.indicator.aggregationName.${aggregation}`) }))}
          hint={t(`admin.plan.indicator.aggregationHint.${draft.aggregation}`)}
          {...field('aggregation')}
        />
        <SelectField
          label={t('admin.plan.indicator.direction')}
          options={DIRECTIONS.map((direction) => ({ value: direction, label: t(`admin.plan.indicator.directionName.${direction}`) }))}
          hint={t(`admin.plan.indicator.directionHint.${draft.direction}`)}
          {...field('direction')}
        />
        <SelectField
          label={t('admin.plan.indicator.frequency')}
          options={FREQUENCIES.map((frequency) => ({ value: frequency, label: t(`admin.plan.indicator.frequencyName.${frequency}`) }))}
          hint={t('admin.plan.indicator.frequencyHint')}
          {...field('updateFrequency')}
        />
      </div>
      <div className="admin-form-row">
        <Field
          label={t('admin.plan.indicator.unit')}
          className="field-narrow"
          autoComplete="off"
          maxLength={50}
          hint={t('admin.plan.indicator.unitHint')}
          {...field('unit')}
        />
        <Field
          label={t('admin.plan.indicator.baseline')}
          className="field-narrow"
          inputMode="decimal"
          autoComplete="off"
          maxLength={30}
          required
          hint={t(termTotal ? 'admin.plan.indicator.baselineTotalHint' : 'admin.plan.indicator.baselineHint')}
          {...field('baseline')}
        />
        <Field
          label={t('admin.plan.indicator.target')}
          className="field-narrow"
          inputMode="decimal"
          autoComplete="off"
          maxLength={30}
          required
          hint={t('admin.plan.indicator.targetHint')}
          {...field('target')}
        />
        <Field
          label={t('admin.plan.indicator.decimals')}
          className="field-narrow"
          type="number"
          inputMode="numeric"
          min={0}
          max={4}
          step={1}
          required
          hint={t('admin.plan.indicator.decimalsHint')}
          {...field('decimals')}
        />
      </div>
      <MilestonesField
        milestones={draft.milestones}
        onChange={(milestones) => form.setValue('milestones', milestones)}
        errorOf={errorOf}
        firstYear={Number(termStart.slice(0, 4))}
      />
      <FormActions busy={busy} submit="admin.plan.indicator.save" submitting="admin.plan.indicator.saving" onCancel={onCancel} />
    </ApiForm>
  );
}
