import { useEffect, useId, useRef, useState } from 'react';
import type { ReadingInput } from '../../../../shared/api/readings';
import type { Board, BoardIndicator } from '../../../../shared/api/board';
import { formatDate } from '../../../format';
import { useLang, useT } from '../../../i18n';
import { FormErrors } from '../../../ui/FormErrors';
import { ProgressPreview } from './ProgressPreview';
import { emptyDraft } from './readingDraft';
import { ReadingFields } from './ReadingFields';
import { boardToday, useReadingForm } from './useReadingForm';
import { useReadings } from '../api/useReadings';
import { useRecordReading } from '../api/useRecordReading';
import { readingText } from '../../../components/valueTexts';
import { AppLink } from '../../../components/AppLink';
import { indicatorHistoryPath } from '../../../paths/workspace';

interface Props {
  indicator: BoardIndicator;
  board: Board;
  onClose: () => void;
}

/**
 * A new reading for one indicator: checked by the server's rules as it is typed, previewed with
 * the shared progress rule, then sent once (an Idempotency-Key makes a retry safe).
 */
export function ReadingForm({ indicator, board, onClose }: Props) {
  const t = useT();
  const lang = useLang();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [initial] = useState(() => emptyDraft(boardToday(board)));
  const form = useReadingForm(indicator, board, initial);
  // The board's indicator is replaced on every change to it: its readings are asked for again.
  const { state: readings, reload } = useReadings(indicator.id, indicator);
  const { record, saving } = useRecordReading(indicator.id);
  const [saved, setSaved] = useState('');
  const [mayRetry, setMayRetry] = useState(false);
  const closed = board.term.closed;

  useEffect(() => {
    heading.current?.focus();
  }, [indicator.id]);

  async function send(input: ReadingInput) {
    if (saving || closed) return;
    setSaved('');
    setMayRetry(false);
    form.setFormErrors([]);
    const answer = await record(input);
    if (answer.ok) {
      const { reading } = answer.recorded;
      setSaved(t('workspace.form.saved', { date: formatDate(reading.date, lang), value: readingText(indicator, reading, lang), id: reading.id }));
      form.form.reset(emptyDraft(boardToday(board)));
      reload();
    } else {
      form.showApiError(answer.error);
      setMayRetry(answer.error.status === 0 || answer.error.status >= 500);
    }
  }

  return (
    <section className="panel ws-form-panel" aria-labelledby={`${id}-heading`}>
      <div className="panel-heading">
        <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
          <span className="ws-code">{indicator.code}</span> {indicator.name}
        </h2>
        <button type="button" className="button button-small" onClick={onClose}>
          {t('workspace.form.close')}
        </button>
      </div>
      <p className="field-hint">
        {t('workspace.form.intro', { unit: indicator.ownerUnit.name })}{' '}
        <AppLink to={indicatorHistoryPath(indicator.id)}>{t('workspace.form.historyLink')}</AppLink>
      </p>
      <p className="ws-saved" role="status">
        {saved}
      </p>
      <form className="ws-form" onSubmit={form.form.handleSubmit(send)} noValidate aria-labelledby={`${id}-heading`}>
        <FormErrors errors={form.formErrors} extra={mayRetry ? t('workspace.form.retrySafe') : undefined} />
        <ReadingFields indicator={indicator} term={board.term} form={form} />
        <ProgressPreview indicator={indicator} board={board} readings={readings} input={form.preview} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving || closed}>
            {saving ? t('workspace.form.submitting') : mayRetry ? t('workspace.form.retry') : t('workspace.form.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
