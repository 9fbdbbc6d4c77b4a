import type { CSSProperties } from 'react';
import type { Board, BoardIndicator } from '../../../shared/api/board';
import { DisplayCard } from './DisplayCard';
import type { WeeklyChange } from './weeklyChange';

/** Rows of a card on the page grid: head, name, figures, bar, chart, foot. */
export const CARD_ROWS = 6;

/**
 * Columns and rows for `count` cards (at most 6): one row up to 3 cards, then two (2 × 2, 3 + 2,
 * 3 × 2). A single card is kept narrower by the stylesheet rather than stretched across the screen.
 */
export function gridOf(count: number): { columns: number; rows: number } {
  if (count <= 1) return { columns: 1, rows: 1 };
  const rows = count <= 3 ? 1 : 2;
  return { columns: Math.ceil(count / rows), rows };
}

/**
 * Where card `index` goes. Each column is two grid columns wide so that a short last row (3 + 2)
 * can be centred by starting it half a column in.
 */
function placement(index: number, count: number, columns: number): CSSProperties {
  const row = Math.floor(index / columns);
  const inRow = index % columns;
  const lastRowCount = count - row * columns;
  const offset = lastRowCount < columns ? columns - lastRowCount : 0;
  return {
    gridColumn: `${1 + inRow * 2 + offset} / span 2`,
    gridRow: `${1 + row * CARD_ROWS} / span ${CARD_ROWS}`,
  };
}

interface Props {
  board: Board;
  indicators: readonly BoardIndicator[];
  stale: boolean;
  highlights: ReadonlyMap<string, number>;
  /** The weekly export's change since last week, by indicator id. */
  weeklyChanges?: ReadonlyMap<number, WeeklyChange> | undefined;
}

/** The cards of one group page, laid out for their number. */
export function GroupPage({ board, indicators, stale, highlights, weeklyChanges }: Props) {
  const { columns, rows } = gridOf(indicators.length);
  const style = { '--grid-columns': columns, '--grid-rows': rows } as CSSProperties;
  return (
    <div className={`cards cards-${indicators.length === 1 ? 'single' : rows === 1 ? 'one-row' : 'two-rows'}`} style={style}>
      {indicators.map((indicator, index) => (
        <DisplayCard
          key={indicator.id}
          indicator={indicator}
          board={board}
          stale={stale}
          flash={highlights.get(indicator.code)}
          placement={placement(index, indicators.length, columns)}
          weeklyChange={weeklyChanges?.get(indicator.id)}
        />
      ))}
    </div>
  );
}
