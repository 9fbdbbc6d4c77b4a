import type { Board, BoardIndicator } from '../../../../shared/api/board';
import { EVIDENCE_MAX, NOTE_MAX } from '../../../../shared/api/readings';
import { isIsoDate, minDate } from '../../../../shared/time/dates';
import { formatDate, formatNumber, formatValue } from '../../../format';
import { useLang, useT } from '../../../i18n';
import { Field } from '../../../ui/Field';
import { FormDateField } from '../../../ui/DateField';
import type { ReadingFormState } from './useReadingForm';

interface Props {
  indicator: BoardIndicator;
  term: Board['term'];
  form: ReadingFormState;
}

/** The figure's label and hint: a cumulative indicator's reading is the amount new in the period, or typed as the running total. */
function useFigureWords(indicator: BoardIndicator, form: ReadingFormState): { label: string; hint: string } {
  const t = useT();
  const lang = useLang();
  const { unit, measure, decimals } = indicator;
  // A whole number is asked for: its example is a whole number, and no word of decimals.
  const example =
    measure === 'count'
      ? t('workspace.form.measureHint.count')
      : decimals === 0
        ? `${t(`workspace.form.measureHint.${measure}`)} ${t('workspace.form.wholeExample', { example: formatNumber(98, 0, lang) })}`
        : `${t(`workspace.form.measureHint.${measure}`)} ${t('workspace.form.decimalHint', { example: formatNumber(97.5, decimals, lang) })}`;
  const labelled = (label: string) => (unit && measure !== 'ratio' ? `${label} (${unit})` : label);
  if (indicator.aggregation !== 'cumulative') return { label: labelled(t('workspace.form.value')), hint: example };
  const amount = labelled(t('workspace.form.amount'));
  if (form.runningTotal === null) return { label: amount, hint: `${t('workspace.form.amountHintCorrection')} ${example}` };
  const total = formatValue(form.runningTotal, decimals, unit, lang);
  return form.draft.entry === 'total'
    ? { label: labelled(t('workspace.form.total')), hint: `${t('workspace.form.totalHint', { total })} ${example}` }
    : { label: amount, hint: `${t('workspace.form.amountHint', { total })} ${example}` };
}

/** The fields of a reading: its date, its figure(s) by measure, a note and the evidence. */
export function ReadingFields({ indicator, term, form }: Props) {
  const t = useT();
  const lang = useLang();
  const { draft, field, today } = form;
  const latest = minDate(today, term.end);
  const words = useFigureWords(indicator, form);
  // The chosen date is also spelled out beside the field, with the dates it may take.
  const dateHint = [
    isIsoDate(draft.date) ? t('workspace.form.dateChosen', { date: formatDate(draft.date, lang) }) : '',
    t('workspace.form.dateHint', { start: formatDate(term.start, lang), end: formatDate(latest, lang) }),
  ].join(' ').trim();
  const figure = (name: 'value' | 'numerator' | 'denominator', label: string, hint?: string) => (
    <Field
      label={label}
      {...field(name)}
      hint={hint}
      inputMode={indicator.measure === 'count' || indicator.measure === 'ratio' ? 'numeric' : 'decimal'}
      autoComplete="off"
      required
      className="field-narrow"
      spellCheck={false}
      markRequired
      errorFirst
    />
  );

  return (
    <>
      <FormDateField
        control={form.form.control}
        name="date"
        label={t('workspace.form.date')}
        error={form.errorOf('date')}
        hint={dateHint}
        min={term.start}
        max={latest}
        required
        className="field-narrow"
        markRequired
        errorFirst
      />
      {form.runningTotal !== null && (
        <fieldset className="ws-entry">
          <legend className="field-label">{t('workspace.form.entryLegend')}</legend>
          <label>
            <input type="radio" value="amount" {...form.form.register('entry')} />
            <span>{t('workspace.form.entryAmount')}</span>
          </label>
          <label>
            <input type="radio" value="total" {...form.form.register('entry')} />
            <span>{t('workspace.form.entryTotal')}</span>
          </label>
        </fieldset>
      )}
      {indicator.measure === 'ratio' ? (
        <fieldset className="ws-ratio" aria-describedby={`ratio-hint-${indicator.id}`}>
          <legend className="field-label">{t('workspace.form.ratioLegend', { unit: indicator.unit })}</legend>
          <div className="ws-ratio-fields">
            {figure('numerator', t('workspace.form.numerator'))}
            <span className="ws-ratio-slash" aria-hidden="true">
              /
            </span>
            {figure('denominator', t('workspace.form.denominator'))}
          </div>
          <p className="field-hint" id={`ratio-hint-${indicator.id}`}>
            {t('workspace.form.measureHint.ratio')}
          </p>
        </fieldset>
      ) : (
        figure('value', words.label, words.hint)
      )}
      <Field
        label={t('workspace.form.note')}
        {...field('note')}
        rows={3}
        hint={t('workspace.form.noteHint', { max: formatNumber(NOTE_MAX, 0, lang) })}
        maxLength={NOTE_MAX}
        errorFirst
      />
      <Field
        label={t('workspace.form.evidence')}
        {...field('evidence')}
        hint={t('workspace.form.evidenceHint', { max: formatNumber(EVIDENCE_MAX, 0, lang) })}
        maxLength={EVIDENCE_MAX}
        errorFirst
      />
    </>
  );
}
