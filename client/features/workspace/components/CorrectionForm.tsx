import { useEffect, useId, useRef, type FormEvent } from 'react';
import type { Board, BoardIndicator } from '../../../../shared/api/board';
import { NOTE_MAX, type Reading } from '../../../../shared/api/readings';
import { formatDate, formatNumber } from '../../../format';
import { useLang, useT } from '../../../i18n';
import type { ApiError } from '../../../api/http';
import { Field } from '../../../ui/Field';
import { FormErrors } from '../../../ui/FormErrors';
import { ProgressPreview } from './ProgressPreview';
import { draftOfReading } from './readingDraft';
import { ReadingFields } from './ReadingFields';
import { useDraftForm } from './useDraftForm';
import type { ReadingsState } from '../api/useReadings';
import { useRecordReading } from '../api/useRecordReading';

interface Props {
  indicator: BoardIndicator;
  board: Board;
  reading: Reading;
  readings: ReadingsState;
  onSaved: (correction: Reading) => void;
  /** Someone corrected the reading first (409): the history must be read again. */
  onConflict: () => void;
  onCancel: () => void;
}

/**
 * Corrects a reading: a new revision that supersedes it, with a required reason; the corrected
 * one stays in the history. Starts from the corrected reading's own figures.
 */
export function CorrectionForm({ indicator, board, reading, readings, onSaved, onConflict, onCancel }: Props) {
  const t = useT();
  const lang = useLang();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const form = useDraftForm(formRef, indicator, board, () => draftOfReading(reading, lang), reading.id);
  const { record, saving } = useRecordReading(indicator.id);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    const input = form.validate();
    if (!input) return;
    const answer = await record(input);
    if (answer.ok) onSaved(answer.recorded.reading);
    else if (isConflict(answer.error)) onConflict();
    else form.showApiError(answer.error);
  }

  return (
    <form ref={formRef} className="ws-form ws-correction" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t('workspace.correct.heading', { id: reading.id, date: formatDate(reading.date, lang) })}
      </h3>
      <p className="field-hint">{t('workspace.correct.intro')}</p>
      <FormErrors errors={form.formErrors} />
      <div className="ws-correction-fields">
        <ReadingFields indicator={indicator} term={board.term} today={form.today} draft={form.draft} errors={form.errors} onChange={form.setField} />
        <Field
          label={t('workspace.correct.reason')}
          name="reason"
          rows={2}
          value={form.reason}
          onValueChange={(value) => form.setField('reason', value)}
          error={form.errors.reason}
          hint={t('workspace.correct.reasonHint', { max: formatNumber(NOTE_MAX, 0, lang) })}
          maxLength={NOTE_MAX}
          required
          markRequired
          errorFirst
        />
      </div>
      <ProgressPreview indicator={indicator} board={board} readings={readings} input={form.check.input} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? t('workspace.correct.submitting') : t('workspace.correct.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={saving}>
          {t('workspace.correct.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The reading was corrected by someone else first (not a closed term, which is also a 409). */
function isConflict(error: ApiError): boolean {
  return error.status === 409 && error.code === 'conflict';
}
