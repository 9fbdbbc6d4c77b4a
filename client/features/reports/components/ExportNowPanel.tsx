import { useId, useState, type FormEvent } from 'react';
import type { Export } from '../../../../shared/api/exports';
import { useNow } from '../../../hooks/useNow';
import { fieldErrorKey, useT, type MessageKey } from '../../../i18n';
import { wallTimeOf, wallTimeToIso } from './asOfInput';
import { ExportNowStatus } from './ExportNowStatus';
import { REPORTS_TIME_ZONE } from '../../../paths/reports';
import { useExportNow } from '../api/useExportNow';

interface Props {
  onUpdate: (item: Export) => void;
  onListChanged: () => void;
}

/** The API's error for the `asOf` field, in the page's words. */
function asOfErrorKey(code: string | undefined): MessageKey | null {
  if (code === undefined) return null;
  return code === 'in_future' ? 'reports.now.asOfFuture' : fieldErrorKey(code);
}

/** "Xuất ngay" (admins and editors): as of now, or of a past moment in the office's time. */
export function ExportNowPanel({ onUpdate, onListChanged }: Props) {
  const t = useT();
  // The latest moment an export may be "as of", turned over each minute.
  const now = useNow(60_000);
  const id = useId();
  const [asOf, setAsOf] = useState('');
  const [localError, setLocalError] = useState<MessageKey | null>(null);
  const { state, start } = useExportNow({ onUpdate, onListChanged });
  const busy = state.kind === 'sending' || state.kind === 'following';
  const asOfError = localError ?? asOfErrorKey(state.kind === 'error' ? state.error.fields.asOf : undefined);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (asOf === '') {
      setLocalError(null);
      start();
      return;
    }
    const iso = wallTimeToIso(asOf, REPORTS_TIME_ZONE);
    const error: MessageKey | null =
      iso === null ? 'fieldError.invalid_format' : Date.parse(iso) > Date.now() ? 'reports.now.asOfFuture' : null;
    setLocalError(error);
    if (error) document.getElementById(`${id}-as-of`)?.focus();
    else start(iso!);
  }

  return (
    <section className="panel report-now" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('reports.now.heading')}</h2>
      <p className="report-intro">{t('reports.now.intro')}</p>
      <form className="report-now-form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-as-of`}>
            {t('reports.now.asOf')}
          </label>
          <input
            id={`${id}-as-of`}
            name="asOf"
            type="datetime-local"
            value={asOf}
            max={wallTimeOf(now, REPORTS_TIME_ZONE)}
            onChange={(event) => {
              setAsOf(event.target.value);
              setLocalError(null);
            }}
            aria-invalid={asOfError ? true : undefined}
            aria-describedby={`${asOfError ? `${id}-error ` : ''}${id}-hint`}
          />
          {asOfError && (
            <span className="field-error" id={`${id}-error`}>
              {t(asOfError)}
            </span>
          )}
          <span className="field-hint" id={`${id}-hint`}>
            {t('reports.now.asOfHint')}
          </span>
        </div>
        <button type="submit" className="button button-primary" disabled={busy}>
          {state.kind === 'sending' ? t('reports.now.submitting') : t('reports.now.submit')}
        </button>
      </form>
      <ExportNowStatus state={state} />
    </section>
  );
}
