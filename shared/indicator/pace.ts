import { dayNumber, type IsoDate } from '../time/dates';
import { isTermTotal } from './kinds';
import type { IndicatorRule, TermSpan } from './model';

/*
 * The pace a term expects of an indicator: what the meeting-room screen's trend draws beside the
 * actual values. Apart from the rest of progress.ts so that the screen's route carries only this.
 */

/** Where the term starts from: zero for a term total, else the baseline. */
export function startValue(rule: IndicatorRule): number {
  return isTermTotal(rule) ? 0 : rule.baseline;
}

/**
 * The value the term's pace expects on `date`: linear from the start value at the term's start to
 * the target at its end, or through the yearly milestones (each due on 31 December of its year)
 * when there are any. Before the term, the start value; after it, the target.
 */
export function expectedAt(rule: IndicatorRule, term: TermSpan, date: IsoDate): number {
  return paceAt(paceOf(rule, term), dayNumber(date));
}

export interface PacePoint {
  day: number;
  value: number;
}

/** The pace's points: the start value at the term's start, the milestones inside the term, the target at its end. */
export function paceOf(rule: IndicatorRule, term: TermSpan): PacePoint[] {
  const points: PacePoint[] = [{ day: dayNumber(term.start), value: startValue(rule) }];
  for (const milestone of [...rule.milestones].sort((a, b) => a.year - b.year)) {
    const due = `${String(milestone.year).padStart(4, '0')}-12-31`;
    if (due > term.start && due < term.end) points.push({ day: dayNumber(due), value: milestone.value });
  }
  points.push({ day: dayNumber(term.end), value: rule.target });
  return points;
}

export function paceAt(points: readonly PacePoint[], day: number): number {
  if (day <= points[0]!.day) return points[0]!.value;
  for (let i = 1; i < points.length; i++) {
    const to = points[i]!;
    if (day <= to.day) {
      const from = points[i - 1]!;
      const share = (day - from.day) / (to.day - from.day);
      return from.value + (to.value - from.value) * share;
    }
  }
  return points.at(-1)!.value;
}
