import { useMemo } from 'react';
import type { Board } from '../../shared/api/board';
import { groupSheets } from '../../shared/report/sheets';
import type { WeeklyChange } from '../../shared/report/weekly';
import { useLang, useT } from '../i18n';
import { GroupSheetPage } from './GroupSheetPage';
import { reportCaption } from './reportCaption';
import { ReportCover } from './ReportCover';
import './print.css';

interface Props {
  board: Board;
  /** The board a week before; none when the term had not begun then. */
  previous: Board | undefined;
  changes: ReadonlyMap<number, WeeklyChange>;
}

/**
 * The weekly report as a document to print: A4 landscape sheets, light, a cover and then each
 * group's indicators as rows with their trend charts (the screens' chart component). Printed by
 * the exporter in one pass (page.pdf), so its page numbers are its own.
 */
export function PrintReport({ board, previous, changes }: Props) {
  const t = useT();
  const lang = useLang();
  const sheets = useMemo(() => groupSheets(board, t('board.otherGroup')), [board, t]);
  const caption = reportCaption(board, t, lang);
  const total = sheets.length + 1;
  return (
    <div className="print-report display-light">
      <ReportCover board={board} previous={previous} caption={caption} sheets={sheets} total={total} />
      {sheets.map((sheet, index) => (
        <GroupSheetPage key={sheet.key} sheet={sheet} board={board} changes={changes} caption={caption} number={index + 2} total={total} />
      ))}
    </div>
  );
}
