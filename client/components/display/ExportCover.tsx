import type { Board } from '../../../shared/api/board';
import { displayPages } from '../../../shared/display/pages';
import { isoWeek } from '../../../shared/time/dates';
import { formatDate, formatDateTime, formatNumber } from '../../format';
import { useLang, useT } from '../../i18n';
import { StatusTiles } from './StatusTiles';

/** The first page of the weekly PDF: whose board, which week, as of when, and what follows. */
export function ExportCover({ board }: { board: Board }) {
  const t = useT();
  const lang = useLang();
  const week = isoWeek(board.date);
  const pages = displayPages(board, t('board.otherGroup'));
  return (
    <main className="export-cover" aria-labelledby="export-cover-title">
      {board.logoUrl && <img className="export-logo" src={board.logoUrl} alt="" />}
      <p className="export-office">{board.office}</p>
      <h1 id="export-cover-title">{t('export.coverTitle')}</h1>
      <p className="export-term">{board.term.name}</p>
      <p className="export-week">
        {t('export.week', {
          week: formatNumber(week.week, 0, lang),
          year: String(week.year),
          monday: formatDate(week.monday, lang),
          sunday: formatDate(week.sunday, lang),
        })}
      </p>
      <p className="export-as-of">{t('export.asOf', { dateTime: formatDateTime(board.asOf, board.timeZone, lang) })}</p>
      <p className="export-cutoff">{t('export.cutoff', { seq: formatNumber(board.seq, 0, lang) })}</p>
      <StatusTiles indicators={board.indicators} />
      <h2 className="export-pages-title">{t('export.pages')}</h2>
      <ol className="export-pages">
        {pages.map((page) => (
          <li key={page.key}>{page.kind === 'summary' ? t('display.summaryTitle') : page.groupName}</li>
        ))}
      </ol>
    </main>
  );
}
