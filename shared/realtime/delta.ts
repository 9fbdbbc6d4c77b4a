import type { Board, BoardIndicator } from '../api/board';
import type { Reading } from '../api/readings';

/*
 * The compact change a screen receives (issue 14): an indicator's new scalar state and only the
 * trend points that changed, never its whole series. The server makes it with `indicatorDelta`
 * from the states before and after a change; every client applies it with `applyIndicatorDelta`.
 * Applying every delta in seq order to a snapshot gives exactly the board a fresh GET returns.
 */

/** A board indicator without its trend: what a delta carries of the indicator. */
export type IndicatorFields = Omit<BoardIndicator, 'series'>;
export type SeriesPoint = BoardIndicator['series'][number];

/** The fields every delta carries: the contract's board fields and the computed state. */
export const DELTA_ALWAYS_KEYS = [
  'id', 'code', 'name', 'groupId', 'measure', 'direction', 'unit', 'target',
  'current', 'numerator', 'denominator', 'expected', 'progress', 'expectedProgress',
  'status', 'overdue', 'lastReadingDate', 'updatedAt',
] as const satisfies ReadonlyArray<keyof IndicatorFields>;

/** The reading that made a change, as screens need it (no note, evidence or author). */
export type ReadingBrief = Pick<Reading, 'id' | 'date' | 'value' | 'numerator' | 'denominator' | 'createdAt' | 'correction'>;

/**
 * One committed change as screens receive it.
 * - `indicator`: always the `DELTA_ALWAYS_KEYS`; every other field too when it changed or the
 *   indicator is new to the board (a definition edit), so merging it over the old state is exact.
 * - `series`: the trend points whose values changed or are new, matched by `date`; when
 *   `seriesReset` is true it is the whole series (points were removed, or the indicator is new).
 * - `reading`: the reading or correction that made the change; null for a plan edit.
 */
export interface IndicatorDelta {
  seq: number;
  indicator: Pick<IndicatorFields, (typeof DELTA_ALWAYS_KEYS)[number]> & Partial<IndicatorFields>;
  series: SeriesPoint[];
  seriesReset?: true;
  reading: ReadingBrief | null;
}

/** The brief of a reading that a delta carries. */
export function readingBrief(reading: Reading): ReadingBrief {
  const { id, date, value, numerator, denominator, createdAt, correction } = reading;
  return { id, date, value, numerator, denominator, createdAt, correction };
}

/** The delta that takes a screen from `before` (undefined: not on the board yet) to `after`. */
export function indicatorDelta(seq: number, before: BoardIndicator | undefined, after: BoardIndicator, reading: ReadingBrief | null): IndicatorDelta {
  const indicator: Record<string, unknown> = {};
  for (const key of Object.keys(after) as Array<keyof BoardIndicator>) {
    if (key === 'series') continue;
    const always = (DELTA_ALWAYS_KEYS as readonly string[]).includes(key);
    if (always || !before || !sameValue(before[key], after[key])) indicator[key] = after[key];
  }
  const delta: IndicatorDelta = { seq, indicator: indicator as IndicatorDelta['indicator'], series: [], reading };
  const beforeByDate = new Map((before?.series ?? []).map((point) => [point.date, point]));
  const afterDates = new Set(after.series.map((point) => point.date));
  const removed = [...beforeByDate.keys()].some((date) => !afterDates.has(date));
  if (!before || removed) {
    delta.series = after.series;
    delta.seriesReset = true;
  } else {
    delta.series = after.series.filter((point) => !sameValue(beforeByDate.get(point.date), point));
  }
  return delta;
}

/** The indicator after a delta; `before` undefined when the indicator is new to the board. */
export function applyIndicatorDelta(before: BoardIndicator | undefined, delta: IndicatorDelta): BoardIndicator {
  let series: SeriesPoint[];
  if (delta.seriesReset || !before) {
    series = delta.series;
  } else if (delta.series.length === 0) {
    series = before.series;
  } else {
    const byDate = new Map(before.series.map((point) => [point.date, point]));
    for (const point of delta.series) byDate.set(point.date, point);
    series = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }
  return { ...(before as BoardIndicator), ...delta.indicator, series };
}

/** The board after one delta, in seq order: the indicator replaced (or added) and `seq` moved on. */
export function applyDeltaToBoard(board: Board, delta: IndicatorDelta): Board {
  const index = board.indicators.findIndex((indicator) => indicator.id === delta.indicator.id);
  const indicators = board.indicators.slice();
  if (index >= 0) indicators[index] = applyIndicatorDelta(indicators[index], delta);
  else indicators.push(applyIndicatorDelta(undefined, delta));
  return { ...board, seq: delta.seq, indicators };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
