import type { Board, BoardIndicator } from '../../../../shared/api/board';
import { EVIDENCE_MAX, NOTE_MAX } from '../../../../shared/api/readings';
import { isIsoDate, minDate } from '../../../../shared/time/dates';
import { formatDate, formatNumber } from '../../../format';
import { useLang, useT } from '../../../i18n';
import type { FieldErrors } from '../../../ui/fieldErrors';
import { Field } from '../../../ui/Field';
import { DateField } from '../../../ui/DateField';
import type { DraftField, ReadingDraft } from './readingDraft';

interface Props {
  indicator: BoardIndicator;
  term: Board['term'];
  /** The board's date: the latest a reading may be dated. */
  today: string;
  draft: ReadingDraft;
  errors: FieldErrors;
  onChange: (field: DraftField, value: string) => void;
}

/** The fields of a reading: its date, its figure(s) by measure, a note and the evidence. */
export function ReadingFields({ indicator, term, today, draft, errors, onChange }: Props) {
  const t = useT();
  const lang = useLang();
  const unit = indicator.measure === 'ratio' ? '' : indicator.unit;
  const latest = minDate(today, term.end);
  // The browser writes a date field in its own locale's order (11/28/2026 on an English system):
  // the chosen date is spelled out the Vietnamese way beside it, so 10/11 cannot be misread.
  const dateHint = [
    isIsoDate(draft.date) ? t('workspace.form.dateChosen', { date: formatDate(draft.date, lang) }) : '',
    t('workspace.form.dateHint', { start: formatDate(term.start, lang), end: formatDate(latest, lang) }),
  ].join(' ').trim();
  const figure = (field: 'value' | 'numerator' | 'denominator', label: string, hint?: string) => (
    <Field
      label={label}
      name={field}
      value={draft[field]}
      onValueChange={(value) => onChange(field, value)}
      error={errors[field]}
      hint={hint}
      inputMode="decimal"
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
      <DateField
        label={t('workspace.form.date')}
        name="date"
        value={draft.date}
        onValueChange={(value) => onChange('date', value)}
        error={errors.date}
        hint={dateHint}
        min={term.start}
        max={latest}
        required
        className="field-narrow"
        markRequired
        errorFirst
      />
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
        figure(
          'value',
          unit ? t('workspace.form.valueWithUnit', { unit }) : t('workspace.form.value'),
          // A count is a whole number: no word of decimals beside it.
          indicator.measure === 'count'
            ? t('workspace.form.measureHint.count')
            : `${t(`workspace.form.measureHint.${indicator.measure}`)} ${t('workspace.form.decimalHint')}`,
        )
      )}
      <Field
        label={t('workspace.form.note')}
        name="note"
        rows={3}
        value={draft.note}
        onValueChange={(value) => onChange('note', value)}
        error={errors.note}
        hint={t('workspace.form.noteHint', { max: formatNumber(NOTE_MAX, 0, lang) })}
        maxLength={NOTE_MAX}
        errorFirst
      />
      <Field
        label={t('workspace.form.evidence')}
        name="evidence"
        value={draft.evidence}
        onValueChange={(value) => onChange('evidence', value)}
        error={errors.evidence}
        hint={t('workspace.form.evidenceHint', { max: formatNumber(EVIDENCE_MAX, 0, lang) })}
        maxLength={EVIDENCE_MAX}
        errorFirst
      />
    </>
  );
}
