import type { CSSProperties } from 'react';
import type { Board } from '../../shared/api/board';
import type { GroupSheet } from '../../shared/report/sheets';
import type { WeeklyChange } from '../../shared/report/weekly';
import { TrendLegend } from '../components/display/TrendLegend';
import { useT } from '../i18n';
import { IndicatorRow } from './IndicatorRow';
import { Sheet } from './Sheet';

const COLUMNS = ['indicator', 'current', 'target', 'expected', 'status', 'week', 'trend'] as const;

interface Props {
  sheet: GroupSheet;
  board: Board;
  changes: ReadonlyMap<number, WeeklyChange>;
  caption: { title: string; asOf: string };
  number: number;
  total: number;
}

/** A page of the printed report: one group (or a part of it), an indicator a row. */
export function GroupSheetPage({ sheet, board, changes, caption, number, total }: Props) {
  const t = useT();
  const name = sheet.parts > 1 ? t('export.sheetPart', { name: sheet.groupName, part: sheet.part, parts: sheet.parts }) : sheet.groupName;
  return (
    <Sheet number={number} total={total} board={board} title={caption.title} label={name}>
      <header className="sheet-head">
        <div>
          <p className="sheet-office">{board.office}</p>
          <p className="sheet-term">{board.term.name}</p>
        </div>
        <div className="sheet-caption">
          <p className="sheet-title">{caption.title}</p>
          <p>{caption.asOf}</p>
        </div>
      </header>
      <div className="sheet-group">
        <h2>{name}</h2>
        <TrendLegend kind="chart" />
      </div>
      <div className="sheet-table" role="table" aria-label={name} style={{ '--rows': sheet.indicators.length } as CSSProperties}>
        <div className="sheet-row sheet-row-head" role="row">
          {COLUMNS.map((column) => (
            <div key={column} role="columnheader">
              {t(`export.column.${column}`)}
            </div>
          ))}
        </div>
        {sheet.indicators.map((indicator) => (
          <IndicatorRow key={indicator.id} indicator={indicator} board={board} change={changes.get(indicator.id)} />
        ))}
      </div>
    </Sheet>
  );
}
