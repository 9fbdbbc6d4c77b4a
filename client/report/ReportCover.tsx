import type { Board } from '../../shared/api/board';
import { STATUSES } from '../../shared/indicator/model';
import type { GroupSheet } from '../../shared/report/sheets';
import { weeklySummary } from '../../shared/report/weekly';
import { OverdueBadge, StatusBadge } from '../components/StatusBadge';
import { formatNumber } from '../format';
import { useLang, useT } from '../i18n';
import { Sheet } from './Sheet';
import { weeklyReportText } from './weeklyText';

/** Sentences a list on the cover shows before "and n more": the cover stays one page, read in a minute. */
const COVER_LINES = 5;

interface Props {
  board: Board;
  previous: Board | undefined;
  caption: { title: string; asOf: string; week: string };
  sheets: readonly GroupSheet[];
  total: number;
}

/** Each group's pages in the report (the cover is page 1). */
function contentsOf(sheets: readonly GroupSheet[]): Array<{ name: string; first: number; last: number }> {
  const contents: Array<{ name: string; first: number; last: number }> = [];
  sheets.forEach((sheet, index) => {
    const page = index + 2;
    if (sheet.part === 1) contents.push({ name: sheet.groupName, first: page, last: page });
    else contents[contents.length - 1]!.last = page;
  });
  return contents;
}

/**
 * The report's first page, for a leader with a minute: whose report, which week, how many targets
 * stand where now and a week before, and in plain sentences what changed status, what moved most
 * and what is overdue. No internal numbers (no change numbers, no ids).
 */
export function ReportCover({ board, previous, caption, sheets, total }: Props) {
  const t = useT();
  const lang = useLang();
  const summary = weeklySummary(board, previous);
  const text = weeklyReportText(board, previous, lang, COVER_LINES);
  const overdueBefore = previous?.indicators.filter((indicator) => indicator.overdue).length;
  const count = (value: number | undefined) => (value === undefined ? '—' : formatNumber(value, 0, lang));

  return (
    <Sheet number={1} total={total} board={board} title={caption.title} label={caption.title} className="cover">
      <header className="cover-head">
        {board.logoUrl && <img className="cover-logo" src={board.logoUrl} alt="" />}
        <div>
          <p className="cover-office">{board.office}</p>
          <p className="cover-term">{board.term.name}</p>
        </div>
      </header>
      <div className="cover-title">
        <h1>{caption.title}</h1>
        <p className="cover-subtitle">{t('export.coverTitle')}</p>
        <p className="cover-when">
          {caption.week}. {caption.asOf}.
        </p>
      </div>
      <div className="cover-body">
        <div className="cover-side">
          <table className="cover-counts">
            <caption>{t('export.countsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('export.countsStatus')}</th>
                <th scope="col">{t('export.countsNow')}</th>
                <th scope="col">{t('export.countsBefore')}</th>
              </tr>
            </thead>
            <tbody>
              {STATUSES.map((status) => (
                <tr key={status} className={`status-${status}`} data-status-count={status}>
                  <th scope="row">
                    <StatusBadge status={status} />
                  </th>
                  <td>{count(summary.counts[status])}</td>
                  <td>{count(summary.countsBefore?.[status])}</td>
                </tr>
              ))}
              <tr data-status-count="overdue">
                <th scope="row">
                  <OverdueBadge label={t('overdue.badge')} />
                </th>
                <td>{count(summary.overdue.length)}</td>
                <td>{count(overdueBefore)}</td>
              </tr>
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('export.countsTotal')}</th>
                <td>{count(board.indicators.length)}</td>
                <td>{count(previous?.indicators.length)}</td>
              </tr>
            </tfoot>
          </table>
          <h2 className="cover-contents-title">{t('export.contents')}</h2>
          <ol className="cover-contents">
            {contentsOf(sheets).map((entry) => (
              <li key={entry.first}>
                <span>{entry.name}</span>
                <span className="cover-contents-page">
                  {entry.first === entry.last ? t('export.contentsPage', { page: entry.first }) : t('export.contentsPages', { first: entry.first, last: entry.last })}
                </span>
              </li>
            ))}
          </ol>
        </div>
        <div className="cover-news">
          {[text.changes, text.movers, text.overdue].map((section) => (
            <section key={section.heading}>
              <h2>{section.heading}</h2>
              <ul>
                {section.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      </div>
    </Sheet>
  );
}
