import { useT } from '../../../i18n';
import type { ExportNowState } from '../api/useExportNow';

/**
 * How the export asked for is going, in a live region: queued, being drawn, done. A failure
 * (of the request or of the export) is an alert, with its reason as text.
 */
export function ExportNowStatus({ state }: { state: ExportNowState }) {
  const t = useT();
  let progress = '';
  if (state.kind === 'following') progress = t(state.status === 'queued' ? 'reports.now.queued' : 'reports.now.running');
  else if (state.kind === 'settled' && state.item.status === 'done') progress = t('reports.now.done');

  const failure =
    state.kind === 'settled' && state.item.status === 'failed'
      ? [state.item.error ? t('reports.now.failed', { error: state.item.error }) : t('reports.now.failedNoReason')]
      : state.kind === 'error' && state.error.fields.asOf === undefined
        ? [t('reports.now.requestFailed'), t(`errors.${state.error.code}`)]
        : null;

  return (
    <>
      <p className="report-now-status" role="status">
        {progress}
      </p>
      {failure && (
        <div className="notice notice-error" role="alert">
          {failure.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
    </>
  );
}
