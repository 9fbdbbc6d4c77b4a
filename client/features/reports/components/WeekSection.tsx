import { useId } from 'react';
import { formatDate } from '../../../format';
import { useLang, useT } from '../../../i18n';
import { ExportItem } from './ExportItem';
import type { ExportWeek } from './weeks';

/** The exports of one ISO week, under "Tuần 48/2026" and its Monday–Sunday. */
export function WeekSection({ week }: { week: ExportWeek }) {
  const t = useT();
  const lang = useLang();
  const headingId = useId();
  return (
    <section className="panel report-week" aria-labelledby={headingId} data-week={week.label}>
      <div className="report-week-heading">
        <h2 id={headingId}>{week.year > 0 ? t('reports.week', { week: week.week, year: week.year }) : week.label}</h2>
        {week.monday && week.sunday && (
          <p className="report-week-dates">
            {t('reports.weekDates', { monday: formatDate(week.monday, lang), sunday: formatDate(week.sunday, lang) })}
          </p>
        )}
      </div>
      <ul className="report-list">
        {week.exports.map((item) => (
          <ExportItem key={item.id} item={item} week={week} />
        ))}
      </ul>
    </section>
  );
}
