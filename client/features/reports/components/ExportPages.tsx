import type { Export } from '../../../../shared/api/exports';
import { formatDateTime } from '../../../format';
import { useLang, useT } from '../../../i18n';
import { REPORTS_TIME_ZONE } from '../../../paths/reports';
import type { ExportWeek } from './weeks';

/** The thumbnail's size: a 16:9 page, small enough for a week's worth side by side. */
const THUMB_WIDTH = 240;
const THUMB_HEIGHT = 135;

/**
 * The PNG pages of an export as small pictures, each a link to the full 1920×1080 image. The
 * files need the session cookie, which a same-origin <img> sends.
 */
export function ExportPages({ item, week }: { item: Export; week: Pick<ExportWeek, 'week' | 'year'> }) {
  const t = useT();
  const lang = useLang();
  const pages = item.files.filter((file) => file.type === 'image/png');
  if (pages.length === 0) return null;
  const dateTime = formatDateTime(item.asOf, REPORTS_TIME_ZONE, lang);
  return (
    <ul className="report-pages" aria-label={t('reports.pages')}>
      {pages.map((file, index) => (
        <li key={file.name}>
          <a className="report-page" href={file.url}>
            <img
              src={file.url}
              loading="lazy"
              decoding="async"
              width={THUMB_WIDTH}
              height={THUMB_HEIGHT}
              alt={t('reports.pageAlt', { page: index + 1, count: pages.length, week: week.week, year: week.year, dateTime })}
            />
          </a>
        </li>
      ))}
    </ul>
  );
}
