import { useEffect, useId, useRef, useState } from 'react';
import type { Board, BoardIndicator } from '../../../../shared/api/board';
import { NOTE_MAX, type Reading, type ReadingInput } from '../../../../shared/api/readings';
import { formatDate, formatNumber } from '../../../format';
import { useLang, useT } from '../../../i18n';
import type { ApiError } from '../../../api/http';
import { Field } from '../../../ui/Field';
import { FormActions } from '../../../ui/FormActions';
import { FormErrors } from '../../../ui/FormErrors';
import { ProgressPreview } from './ProgressPreview';
import { draftOfReading } from './readingDraft';
import { ReadingFields } from './ReadingFields';
import { useReadingForm } from './useReadingForm';
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
  const [initial] = useState(() => draftOfReading(reading, lang));
  const form = useReadingForm(indicator, board, initial, reading.id);
  const { record, saving } = useRecordReading(indicator.id);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  async function send(input: ReadingInput) {
    if (saving) return;
    form.setFormErrors([]);
    const answer = await record(input);
    if (answer.ok) onSaved(answer.recorded.reading);
    else if (isConflict(answer.error)) onConflict();
    else form.showApiError(answer.error);
  }

  return (
    <form className="ws-form ws-correction" onSubmit={form.form.handleSubmit(send)} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t('workspace.correct.heading', { id: reading.id, date: formatDate(reading.date, lang) })}
      </h3>
      <p className="field-hint">{t('workspace.correct.intro')}</p>
      <FormErrors errors={form.formErrors} />
      <div className="ws-correction-fields">
        <ReadingFields indicator={indicator} term={board.term} form={form} />
        <Field
          label={t('workspace.correct.reason')}
          {...form.field('reason')}
          rows={2}
          hint={t('workspace.correct.reasonHint', { max: formatNumber(NOTE_MAX, 0, lang) })}
          maxLength={NOTE_MAX}
          required
          markRequired
          errorFirst
        />
      </div>
      <ProgressPreview indicator={indicator} board={board} readings={readings} input={form.preview} />
      <FormActions busy={saving} submit="workspace.correct.submit" submitting="workspace.correct.submitting" onCancel={onCancel} cancel="workspace.correct.cancel" />
    </form>
  );
}

/** The reading was corrected by someone else first (not a closed term, which is also a 409). */
function isConflict(error: ApiError): boolean {
  return error.status === 409 && error.code === 'conflict';
}
