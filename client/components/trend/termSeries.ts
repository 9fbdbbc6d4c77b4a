import type { Board, BoardIndicator } from '../../../shared/api/board';
import { expectedAt } from '../../../shared/indicator/pace';

/** One point of a trend on a time axis: the actual value, the plan's value, or both. */
export interface TrendPoint {
  /** The date's midnight UTC, in milliseconds. */
  t: number;
  actual?: number | null;
  plan?: number;
}

export type Term = Board['term'];

export const instantOf = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** The plan's value on `date`: the term's pace, computed by the shared `expectedAt`. */
export function planPoint(indicator: BoardIndicator, term: Term, date: string): TrendPoint {
  return { t: instantOf(date), plan: expectedAt(indicator, term, date) };
}

/**
 * The dates where the pace may bend: each yearly milestone is due on 31 December of its year.
 * Between them the pace is straight, so these knots alone draw it exactly.
 */
export function milestoneDates(indicator: BoardIndicator): string[] {
  return indicator.milestones.map((milestone) => `${String(milestone.year).padStart(4, '0')}-12-31`);
}

/** 1 January of each year strictly inside the term: the year ticks. */
export function yearTicks(term: Term): number[] {
  const ticks: number[] = [];
  for (let year = Number(term.start.slice(0, 4)) + 1; `${year}-01-01` < term.end; year++) ticks.push(instantOf(`${year}-01-01`));
  return ticks;
}

export const yearOf = (t: number) => String(new Date(t).getUTCFullYear());
