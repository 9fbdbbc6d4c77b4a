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
/** A trend point in a delta: whole when new, else its date and the values that changed. */
export type SeriesPointChange = Pick<SeriesPoint, 'date'> & Partial<SeriesPoint>;

/**
 * The fields every delta carries: the board fields CONTRACT.md names (and, for `ratio`
 * indicators, `RATIO_KEYS`), but for the texts a person wrote — `name` (up to 300 characters,
 * 900 bytes of Vietnamese) and `unit` — which come only when they changed, or the indicator is
 * new to the board: with them no change could be held to 500 bytes. The rest of the state
 * (`expectedProgress`, `lastReadingDate`, ...) is sent when it changed too: every byte counts
 * 1,000 screens over.
 */
export const DELTA_ALWAYS_KEYS = [
  'id', 'code', 'groupId', 'measure', 'direction', 'target',
  'current', 'expected', 'progress', 'status', 'overdue', 'updatedAt',
] as const satisfies ReadonlyArray<keyof IndicatorFields>;
const RATIO_KEYS: ReadonlyArray<keyof IndicatorFields> = ['numerator', 'denominator'];
const ALWAYS: ReadonlySet<string> = new Set(DELTA_ALWAYS_KEYS);

/**
 * The reading that made a change, as screens need it: which one and of what date, and
 * `correction` when it is one. Its values, note, evidence and author are not sent to every
 * screen: what a screen shows is the indicator's new state (`GET /api/indicators/:id/readings`
 * has the rest).
 */
export type ReadingBrief = Pick<Reading, 'id' | 'date'> & { correction?: true };

/**
 * One committed change as screens receive it.
 * - `indicator`: always the `DELTA_ALWAYS_KEYS`; every other field too when it changed or the
 *   indicator is new to the board (a definition edit), so merging it over the old state is exact.
 * - `series`: the trend points whose values changed (their date and the changed values) or are
 *   new (whole), matched by `date`; when `seriesReset` is true it is the whole series (points
 *   were removed, or the indicator is new).
 * - `reading`: the reading or correction that made the change; null for a plan edit.
 */
export interface IndicatorDelta {
  seq: number;
  indicator: Pick<IndicatorFields, (typeof DELTA_ALWAYS_KEYS)[number]> & Partial<IndicatorFields>;
  series: SeriesPointChange[];
  seriesReset?: true;
  reading: ReadingBrief | null;
}

/** The brief of a reading that a delta carries. */
export function readingBrief(reading: Reading): ReadingBrief {
  return { id: reading.id, date: reading.date, ...(reading.correction ? { correction: true as const } : {}) };
}

/** The delta that takes a screen from `before` (undefined: not on the board yet) to `after`. */
export function indicatorDelta(seq: number, before: BoardIndicator | undefined, after: BoardIndicator, reading: ReadingBrief | null): IndicatorDelta {
  const indicator: Record<string, unknown> = {};
  for (const key of Object.keys(after) as Array<keyof BoardIndicator>) {
    if (key === 'series') continue;
    const always = ALWAYS.has(key) || (after.measure === 'ratio' && RATIO_KEYS.includes(key));
    if (always || !before || (before !== after && !sameValue(before[key], after[key]))) indicator[key] = after[key];
  }
  const delta: IndicatorDelta = { seq, indicator: indicator as IndicatorDelta['indicator'], series: [], reading };
  // The same state again (the changes of one indicator in one batch all carry its state at the
  // commit): nothing of the trend changed.
  if (before === after) return delta;
  const olds = before && pointsBefore(before.series, after.series);
  if (!olds) {
    delta.series = after.series;
    delta.seriesReset = true;
  } else {
    const last = after.series.at(-1);
    after.series.forEach((point, i) => {
      const old = olds[i];
      if (!old) delta.series.push(point);
      else if (old.actual !== point.actual || old.expected !== point.expected) {
        const change = changedValues(old, point);
        // The last point's actual is the current value, which the delta carries: not sent twice.
        if (!(point === last && point.actual === after.current && change.expected === undefined)) delta.series.push(change);
      }
    });
  }
  return delta;
}

/**
 * For each point of `after`, the point of `before` of the same date (undefined for a new one);
 * null when a date of `before` is gone from `after`. Once per change and screen delivery, so
 * the usual case (the same months, perhaps one more) is matched by position, without maps.
 */
function pointsBefore(before: readonly SeriesPoint[], after: readonly SeriesPoint[]): Array<SeriesPoint | undefined> | null {
  if (before.length <= after.length && before.every((point, i) => point.date === after[i]!.date)) return after.map((_, i) => before[i]);
  const byDate = new Map(before.map((point) => [point.date, point]));
  const afterDates = new Set(after.map((point) => point.date));
  for (const date of byDate.keys()) if (!afterDates.has(date)) return null;
  return after.map((point) => byDate.get(point.date));
}

/** The indicator after a delta; `before` undefined when the indicator is new to the board. */
export function applyIndicatorDelta(before: BoardIndicator | undefined, delta: IndicatorDelta): BoardIndicator {
  let series: SeriesPoint[];
  if (delta.seriesReset || !before) {
    series = delta.series as SeriesPoint[];
  } else if (delta.series.length === 0) {
    series = before.series;
  } else {
    series = withPoints(before.series, delta.series) as SeriesPoint[];
  }
  const after = { ...(before as BoardIndicator), ...delta.indicator, series };
  return withCurrentLast(after);
}

/**
 * The trend's last point (this month, up to the board's date) has the current value as its actual,
 * always: a delta leaves that change out (`indicatorDelta`), and applying it puts it back.
 */
function withCurrentLast(indicator: BoardIndicator): BoardIndicator {
  const last = indicator.series.at(-1);
  if (!last || last.actual === indicator.current) return indicator;
  return { ...indicator, series: [...indicator.series.slice(0, -1), { ...last, actual: indicator.current }] };
}

/**
 * Changes to screens, coalesced or replayed: they take a board at `since` (or any later seq up
 * to the last change's) to the last change's seq. Each indicator appears once, with its latest
 * seq, in seq order, so the seqs between `since` and the last may be absent from `changes`:
 * they are covered, not missing.
 */
export interface DeltaBatch {
  since: number;
  changes: IndicatorDelta[];
}

/** The board after one delta, in seq order: the indicator replaced (or added in board order) and `seq` moved on. */
export function applyDeltaToBoard(board: Board, delta: IndicatorDelta): Board {
  const index = board.indicators.findIndex((indicator) => indicator.id === delta.indicator.id);
  const indicators = board.indicators.slice();
  const moved = index < 0 || (delta.indicator.displayOrder !== undefined && delta.indicator.displayOrder !== indicators[index]!.displayOrder);
  if (index >= 0) indicators[index] = applyIndicatorDelta(indicators[index], delta);
  else indicators.push(applyIndicatorDelta(undefined, delta));
  // A fresh GET lists indicators by display order, then id.
  if (moved) indicators.sort((a, b) => a.displayOrder - b.displayOrder || a.id - b.id);
  return { ...board, seq: delta.seq, indicators };
}

/**
 * The board after a batch, or null when it does not follow on (`since` is past the board's seq:
 * changes are missing). Changes the board already has are skipped.
 */
export function applyBatchToBoard(board: Board, batch: DeltaBatch): Board | null {
  const last = batch.changes.at(-1)?.seq ?? batch.since;
  if (batch.since > board.seq) return null;
  if (last <= board.seq) return board;
  let next = board;
  for (const delta of batch.changes) if (delta.seq > board.seq) next = applyDeltaToBoard(next, delta);
  return next;
}

/**
 * One delta doing what `earlier` then `later` (of one indicator) do, applied to the indicator as
 * it was before `earlier` or at any seq between the two: every field and trend point either
 * touched, with its latest value.
 */
export function mergeDeltas(earlier: IndicatorDelta, later: IndicatorDelta): IndicatorDelta {
  const merged: IndicatorDelta = { seq: later.seq, indicator: { ...earlier.indicator, ...later.indicator }, series: [], reading: later.reading };
  if (later.seriesReset) {
    merged.series = later.series;
  } else if (later.series.length === 0) {
    merged.series = earlier.series;
  } else {
    merged.series = withPoints(earlier.series, later.series);
  }
  if (earlier.seriesReset || later.seriesReset) merged.seriesReset = true;
  return merged;
}

/** Consecutive deltas as one batch entry per indicator (merged), in the order of their latest seq. */
export function coalesceDeltas(deltas: readonly IndicatorDelta[]): IndicatorDelta[] {
  const byIndicator = new Map<number, IndicatorDelta>();
  for (const delta of deltas) {
    const earlier = byIndicator.get(delta.indicator.id);
    byIndicator.set(delta.indicator.id, earlier ? mergeDeltas(earlier, delta) : delta);
  }
  return [...byIndicator.values()].sort((a, b) => a.seq - b.seq);
}

/** `points` with `changes` merged in by date (a change's values over the point's), in date order. */
function withPoints(points: readonly SeriesPointChange[], changes: readonly SeriesPointChange[]): SeriesPointChange[] {
  const byDate = new Map(points.map((point) => [point.date, point]));
  for (const change of changes) byDate.set(change.date, { ...byDate.get(change.date), ...change });
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The point's date and the values that differ from `old`. */
function changedValues(old: SeriesPoint, point: SeriesPoint): SeriesPointChange {
  const change: SeriesPointChange = { date: point.date };
  if (old.actual !== point.actual) change.actual = point.actual;
  if (old.expected !== point.expected) change.expected = point.expected;
  return change;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
