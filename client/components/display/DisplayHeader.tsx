import type { Board } from '../../../shared/api/board';
import type { ConnectionState } from '../../realtime/board-store';
import { formatDate, formatDateTime, formatShare } from '../../format';
import { useLang, useT } from '../../i18n';
import { ConnectionStatus } from './ConnectionStatus';
import { LiveClock } from './LiveClock';

/** The newest reading recorded on the board (ISO), or null: when the figures last changed. */
function lastChangeOf(board: Board): string | null {
  let newest: string | null = null;
  for (const indicator of board.indicators) {
    if (indicator.updatedAt && (newest === null || Date.parse(indicator.updatedAt) > Date.parse(newest))) newest = indicator.updatedAt;
  }
  return newest;
}

/** The weekly export's still picture of a page: which report and as of when, in place of the live parts. */
export interface ReportCaption {
  title: string;
  asOf: string;
}

interface Props {
  board: Board;
  connection: ConnectionState;
  clockOffset: number;
  /** The weekly export: its caption instead of the clock, the connection and the last change. */
  report?: ReportCaption | undefined;
}

/** Who, which term and how far into it; now; when the figures last changed; whether they are live. */
export function DisplayHeader({ board, connection, clockOffset, report }: Props) {
  const t = useT();
  const lang = useLang();
  const { term } = board;
  const elapsed = Math.min(1, Math.max(0, term.elapsed));
  const lastChange = lastChangeOf(board);

  return (
    <header className={`display-header${board.logoUrl ? ' has-logo' : ''}`}>
      {board.logoUrl && <img className="display-logo" src={board.logoUrl} alt="" />}
      <h1 className="display-title">
        <span className="display-office">{board.office}</span>
        <span className="display-term">{term.name}</span>
      </h1>
      <div className="display-elapsed">
        <p className="display-elapsed-text">
          {term.closed ? t('board.closed') : t('display.elapsed', { percent: formatShare(elapsed, lang) })}
        </p>
        <div className="elapsed-bar" aria-hidden="true">
          <div className="elapsed-bar-fill" style={{ width: `${elapsed * 100}%` }} />
        </div>
        <p className="display-term-dates">{t('display.termDates', { start: formatDate(term.start, lang), end: formatDate(term.end, lang) })}</p>
      </div>
      {report ? (
        <div className="display-now display-report">
          <p className="display-report-title">{report.title}</p>
          <p className="display-report-as-of">{report.asOf}</p>
        </div>
      ) : (
        <div className="display-now">
          <LiveClock timeZone={board.timeZone} offset={clockOffset} />
          <p className="display-status">
            <ConnectionStatus connection={connection} />
            <span className="display-last-change">
              {lastChange
                ? t('display.lastChange', { dateTime: formatDateTime(lastChange, board.timeZone, lang) })
                : t('display.lastChangeNone')}
            </span>
          </p>
        </div>
      )}
    </header>
  );
}
