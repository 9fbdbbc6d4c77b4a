import type { Export } from '../../../../shared/api/exports';
import { formatDateTime } from '../../../format';
import { useLang, useT } from '../../../i18n';
import { ExportDeliveries } from './ExportDeliveries';
import { ExportPages } from './ExportPages';
import { ExportStatusBadge } from './ExportStatusBadge';
import { REPORTS_TIME_ZONE } from '../../../paths/reports';
import type { ExportWeek } from './weeks';

/** One export: when it shows the board as of, how it was made, how it went, and its files. */
export function ExportItem({ item, week }: { item: Export; week: Pick<ExportWeek, 'week' | 'year'> }) {
  const t = useT();
  const lang = useLang();
  const at = (iso: string) => formatDateTime(iso, REPORTS_TIME_ZONE, lang);
  const pdf = item.files.find((file) => file.type === 'application/pdf');
  return (
    <li className="report-item" data-export={item.id} aria-busy={item.status === 'queued' || item.status === 'running' || undefined}>
      <div className="report-item-head">
        <h3 className="report-as-of">
          {t('reports.asOf')} <time dateTime={item.asOf}>{at(item.asOf)}</time>
        </h3>
        <span className={`badge report-kind report-kind-${item.kind}`}>{t(`reports.kind.${item.kind}`)}</span>
        <ExportStatusBadge status={item.status} />
        {pdf && (
          <a className="button button-small report-pdf" href={pdf.url} download={pdf.name}>
            {t('reports.pdf', { name: pdf.name })}
          </a>
        )}
      </div>
      <p className="report-times">
        {t('reports.createdAt', { dateTime: at(item.createdAt) })}
        {item.finishedAt !== null && ` · ${t('reports.finishedAt', { dateTime: at(item.finishedAt) })}`}
      </p>
      {item.status === 'failed' && (
        <p className="notice notice-error report-error">{item.error ? t('reports.error', { error: item.error }) : t('reports.errorUnknown')}</p>
      )}
      {item.status === 'done' && <ExportPages item={item} week={week} />}
      {item.status === 'done' && item.files.length === 0 && <p className="report-times">{t('reports.noFiles')}</p>}
      <ExportDeliveries deliveries={item.deliveries} />
    </li>
  );
}
