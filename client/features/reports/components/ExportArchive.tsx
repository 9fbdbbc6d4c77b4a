import { useMemo } from 'react';
import { formatClock } from '../../../format';
import { useLang, useT } from '../../../i18n';
import { REPORTS_TIME_ZONE } from '../../../paths/reports';
import type { ExportListState } from '../api/useExportList';
import { groupByWeek } from './weeks';
import { WeekSection } from './WeekSection';

/** The archive by week, the latest first, with when it was last read and a way to read it again. */
export function ExportArchive({ state, onRefresh }: { state: ExportListState; onRefresh: () => void }) {
  const t = useT();
  const lang = useLang();
  const weeks = useMemo(() => groupByWeek(state.data ?? []), [state.data]);

  return (
    <>
      <div className="report-toolbar">
        {state.refreshedAt !== null && (
          <span className="report-muted">{t('reports.list.refreshedAt', { time: formatClock(state.refreshedAt, REPORTS_TIME_ZONE, lang) })}</span>
        )}
        <button type="button" className="button button-small" onClick={onRefresh}>
          {t('reports.list.refresh')}
        </button>
      </div>
      {state.error && state.error.status !== 401 && (
        <div className="notice notice-error" role="alert">
          <p>{t('reports.list.loadFailed')}</p>
          <p>{t(`errors.${state.error.code}`)}</p>
        </div>
      )}
      {state.data === null ? (
        !state.error && <p className="notice">{t('common.loading')}</p>
      ) : weeks.length === 0 ? (
        <p className="notice">{t('reports.list.empty')}</p>
      ) : (
        weeks.map((week) => <WeekSection key={week.label} week={week} />)
      )}
    </>
  );
}
