import {
  addDays,
  addMonths,
  dateInZone,
  dayNumber,
  daysBetween,
  endOfMonth,
  minDate,
  type IsoDate,
} from '../time/dates';
import { isTermTotal, type Status, type UpdateFrequency } from './kinds';
import { expectedAt, paceAt, paceOf, startValue } from './pace';

export { expectedAt, startValue };
import type { IndicatorRule, ReadingFact, TermSpan } from './model';

/**
 * Progress of one indicator at one moment: the single rule used by the server, the screens and
 * the export. The thresholds below are documented in docs/domain.md; change both together.
 */

/** Behind the expected pace by at most this share of the whole way from start to target: on track. */
export const ON_TRACK_SHORTFALL = 0.05;
/** Behind by at most this share: at risk; further behind: off track. */
export const AT_RISK_SHORTFALL = 0.15;
/** A `maintain` indicator (or one whose target equals its start) off its target by at most this share of the target: at risk. */
export const AT_RISK_DEVIATION = 0.05;

export interface ProgressInput {
  rule: IndicatorRule;
  term: TermSpan;
  readings: readonly ReadingFact[];
  /** The moment the board is computed for: now, or an "as of" instant. Epoch milliseconds. */
  asOf: number;
  /** The board's time zone: decides which calendar date `asOf` is. */
  timeZone: string;
}

export interface CurrentValue {
  /** In the indicator's unit; for `ratio`, a percentage. */
  value: number;
  numerator: number | null;
  denominator: number | null;
}

export interface Progress {
  current: number | null;
  numerator: number | null;
  denominator: number | null;
  target: number;
  expected: number;
  /** Share of the way from the start value to the target reached (1 = target); not clamped. */
  progress: number | null;
  /** Share of the way the pace expects by now. */
  expectedProgress: number;
  status: Status;
  overdue: boolean;
  lastReadingDate: IsoDate | null;
  /** When the newest reading counted was recorded (epoch ms). */
  updatedAt: number | null;
}

/** Orders readings as the board sees them: by date, then by when they were recorded. */
export function compareReadings(a: ReadingFact, b: ReadingFact): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return a.id - b.id;
}

/**
 * The readings that count at `asOf`: recorded by then, dated within the term and by `asOfDate`,
 * and not replaced by a correction recorded by then. Sorted with `compareReadings`.
 */
export function effectiveReadings(
  readings: readonly ReadingFact[],
  term: TermSpan,
  asOf: number,
  asOfDate: IsoDate,
): ReadingFact[] {
  const recorded = readings.filter((r) => r.createdAt <= asOf);
  // A correction replaces its reading from the moment it is recorded, whatever its own date (it
  // may move the reading out of the term, or to a date after `asOfDate`).
  const superseded = new Set<number>();
  for (const r of recorded) if (r.supersedesId !== null) superseded.add(r.supersedesId);
  return recorded
    .filter((r) => !superseded.has(r.id) && r.date >= term.start && r.date <= term.end && r.date <= asOfDate)
    .sort(compareReadings);
}

function ratioPercent(numerator: number, denominator: number): number {
  return denominator > 0 ? (numerator / denominator) * 100 : 0;
}

/** A month's effective readings as a state needs them: their sums and the last of them. */
export interface MonthTally {
  sum: number;
  numerator: number;
  denominator: number;
  last: ReadingFact;
}

/**
 * What a state needs of an indicator's effective readings, without going over them again: the
 * last one (`compareReadings`), when the newest was recorded, the sums, and the same per month
 * (`yyyy-mm`). The write path keeps one per busy indicator and adds each new reading to it
 * (`tallyWith`): computing a reading's indicator then costs the term's months, not its history
 * (10,000 readings took ~0.5 ms a state going over them three times).
 */
export interface ReadingsTally {
  last: ReadingFact | null;
  updatedAt: number | null;
  sum: number;
  numerator: number;
  denominator: number;
  months: ReadonlyMap<string, MonthTally>;
}

/** The tally of effective readings, in any order (each figure is a sum, or a latest by `compareReadings`). */
export function tallyOf(effective: readonly ReadingFact[]): ReadingsTally {
  return tallyWith({ last: null, updatedAt: null, sum: 0, numerator: 0, denominator: 0, months: new Map() }, effective);
}

/** `tally` with effective readings added (new ones, none replacing a counted one): a new tally, `tally` unchanged. */
export function tallyWith(tally: ReadingsTally, added: readonly ReadingFact[]): ReadingsTally {
  const next = { ...tally, months: new Map(tally.months) };
  for (const r of added) {
    next.sum += r.value ?? 0;
    next.numerator += r.numerator ?? 0;
    next.denominator += r.denominator ?? 0;
    if (next.updatedAt === null || r.createdAt > next.updatedAt) next.updatedAt = r.createdAt;
    if (next.last === null || compareReadings(r, next.last) > 0) next.last = r;
    const key = r.date.slice(0, 7);
    const month = next.months.get(key);
    next.months.set(key, {
      sum: (month?.sum ?? 0) + (r.value ?? 0),
      numerator: (month?.numerator ?? 0) + (r.numerator ?? 0),
      denominator: (month?.denominator ?? 0) + (r.denominator ?? 0),
      last: month && compareReadings(r, month.last) < 0 ? month.last : r,
    });
  }
  return next;
}

/**
 * The current value from effective readings (sorted): `latest` takes the last one (the later
 * recorded wins on the same date), `cumulative` adds them up (for `ratio`, numerators over
 * denominators). Null without readings.
 */
export function currentValue(rule: IndicatorRule, effective: readonly ReadingFact[]): CurrentValue | null {
  return currentOfTally(rule, tallyOf(effective));
}

function currentOfTally(rule: IndicatorRule, tally: ReadingsTally): CurrentValue | null {
  const { last } = tally;
  if (!last) return null;
  if (rule.aggregation === 'latest') return valueOf(rule, last.value, last.numerator, last.denominator);
  return valueOf(rule, tally.sum, tally.numerator, tally.denominator);
}

/** A figure as the indicator shows it: for `ratio`, the percentage of its numerator over its denominator. */
function valueOf(rule: IndicatorRule, value: number | null, numerator: number | null, denominator: number | null): CurrentValue {
  if (rule.measure !== 'ratio') return { value: value ?? 0, numerator: null, denominator: null };
  return { value: ratioPercent(numerator ?? 0, denominator ?? 0), numerator: numerator ?? 0, denominator: denominator ?? 0 };
}

/** Share of the term elapsed on `date`, 0 before it starts and 1 from its last day. */
export function termElapsed(term: TermSpan, date: IsoDate): number {
  const share = daysBetween(term.start, date) / daysBetween(term.start, term.end);
  return Math.min(1, Math.max(0, share));
}

/** The date by which the next reading is due after one dated `since`; month ends stay month ends. */
export function nextDueDate(since: IsoDate, frequency: UpdateFrequency): IsoDate {
  if (frequency === 'week') return addDays(since, 7);
  const months = frequency === 'month' ? 1 : frequency === 'quarter' ? 3 : 12;
  const due = addMonths(since, months);
  return since === endOfMonth(since) ? endOfMonth(due) : due;
}

/**
 * Days allowed after a period's due date before an indicator shows as overdue: figures for a
 * period are usually reported some days after it ends (a month's by about the 10th).
 */
export const REPORTING_GRACE_DAYS: Record<UpdateFrequency, number> = { week: 3, month: 10, quarter: 15, year: 30 };

/**
 * Overdue: the term is running and no reading is dated within one update period (plus the
 * reporting grace) before `asOfDate`, counting from the term's start when there is none yet.
 */
export function isOverdue(
  frequency: UpdateFrequency,
  term: TermSpan,
  lastReadingDate: IsoDate | null,
  asOfDate: IsoDate,
): boolean {
  if (asOfDate < term.start || asOfDate > term.end) return false;
  return asOfDate > addDays(nextDueDate(lastReadingDate ?? term.start, frequency), REPORTING_GRACE_DAYS[frequency]);
}

/** Days before the next reading is due that the indicator's editors are reminded. */
export const REMIND_DAYS_BEFORE = 3;

/** A reminder an indicator calls for: its next reading is `due` soon, or it is `overdue`. */
export interface ReminderDue {
  kind: 'due' | 'overdue';
  /** The date the next reading is due: with the kind, the reminder's identity. */
  dueDate: IsoDate;
}

/**
 * The reminder an indicator calls for on `today`: `overdue` once the board shows it overdue;
 * `due` from REMIND_DAYS_BEFORE days before its next reading is due until then; none outside
 * the term or earlier.
 */
export function reminderDue(
  frequency: UpdateFrequency,
  term: TermSpan,
  lastReadingDate: IsoDate | null,
  today: IsoDate,
): ReminderDue | null {
  if (today < term.start || today > term.end) return null;
  const dueDate = nextDueDate(lastReadingDate ?? term.start, frequency);
  if (isOverdue(frequency, term, lastReadingDate, today)) return { kind: 'overdue', dueDate };
  return today >= addDays(dueDate, -REMIND_DAYS_BEFORE) ? { kind: 'due', dueDate } : null;
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/**
 * A share as compared with a threshold: rounded to 9 decimals, so that floating-point noise
 * (10 − 6.4 = 3.5999999999999996) cannot push a value exactly on a threshold to the wrong side.
 */
function thresholdShare(share: number): number {
  return roundTo(share, 9);
}

/**
 * The status of a current value against the target and the expected pace (docs/domain.md):
 * - increase: achieved once the target is reached; otherwise judged by the shortfall against the
 *   pace, as a share of the whole way from start to target.
 * - decrease (a level): achieved once at or below the target; otherwise as for increase.
 * - decrease, term total (cumulative count or number): the target is a ceiling for the total.
 *   Above it: off track; after the term's end within it: achieved; before, within the pace's
 *   allowance: on track, else at risk.
 * - maintain: the target is a level to hold at least ("duy trì 100%", "5/5 chi bộ"): achieved at or
 *   above it. Below it, and for any target equal to its start value that is not met: at risk
 *   when off by at most AT_RISK_DEVIATION of the target, else off track.
 * After the term's last day a target not achieved is off track. The current value is compared
 * as displayed, rounded to the indicator's decimals.
 */
export function statusOf(
  rule: IndicatorRule,
  term: TermSpan,
  current: number | null,
  expected: number,
  asOfDate: IsoDate,
): Status {
  if (current === null) return 'no_data';
  const shown = roundTo(current, rule.decimals);
  const { target, direction } = rule;
  // The term's last day is still a day of the term: it is over from the day after.
  const termOver = asOfDate > term.end;
  const start = startValue(rule);

  if (direction === 'decrease' && isTermTotal(rule)) {
    if (shown > target) return 'off_track';
    if (termOver) return 'achieved';
    return shown <= roundTo(expected, rule.decimals) ? 'on_track' : 'at_risk';
  }
  if (direction === 'increase' && shown >= target) return 'achieved';
  if (direction === 'decrease' && shown <= target) return 'achieved';
  if (direction === 'maintain' && shown >= target) return 'achieved';
  if (direction === 'maintain' || target === start) {
    if (termOver) return 'off_track';
    const deviation = thresholdShare(Math.abs(shown - target) / Math.max(Math.abs(target), 1));
    return deviation <= AT_RISK_DEVIATION ? 'at_risk' : 'off_track';
  }
  if (termOver) return 'off_track';
  const gain = (value: number) => (direction === 'increase' ? value - start : start - value);
  const shortfall = thresholdShare((gain(expected) - gain(shown)) / Math.abs(target - start));
  if (shortfall <= ON_TRACK_SHORTFALL) return 'on_track';
  if (shortfall <= AT_RISK_SHORTFALL) return 'at_risk';
  return 'off_track';
}

function shareOfWay(rule: IndicatorRule, value: number): number {
  const start = startValue(rule);
  if (rule.target === start) {
    // No way to go: all of it once the target is met in the indicator's direction, else none.
    const shown = roundTo(value, rule.decimals);
    const met = rule.direction === 'decrease' ? shown <= rule.target : shown >= rule.target;
    if (met) return 1;
    // Short of it: how close, as a share of the target (95 of a maintained 100 is 0.95).
    // A share of a target at or below zero means nothing: show none of the way.
    if (rule.target <= 0) return 0;
    return Math.max(0, rule.direction === 'decrease' ? rule.target / value : value / rule.target);
  }
  return (value - start) / (rule.target - start);
}

/** Current value, expected pace, progress, status and overdue of one indicator at `asOf`. */
export function computeProgress(input: ProgressInput): Progress {
  const asOfDate = dateInZone(input.asOf, input.timeZone);
  const effective = effectiveReadings(input.readings, input.term, input.asOf, asOfDate);
  return progressOfEffective(input.rule, input.term, effective, asOfDate);
}

/** `computeProgress` for readings already filtered by `effectiveReadings`. */
export function progressOfEffective(
  rule: IndicatorRule,
  term: TermSpan,
  effective: readonly ReadingFact[],
  asOfDate: IsoDate,
): Progress {
  return progressOfTally(rule, term, tallyOf(effective), asOfDate);
}

/** `progressOfEffective` from the readings' tally. */
export function progressOfTally(rule: IndicatorRule, term: TermSpan, tally: ReadingsTally, asOfDate: IsoDate): Progress {
  const current = currentOfTally(rule, tally);
  const expected = expectedAt(rule, term, asOfDate);
  const { last, updatedAt } = tally;
  return {
    current: current?.value ?? null,
    numerator: current?.numerator ?? null,
    denominator: current?.denominator ?? null,
    target: rule.target,
    expected,
    progress: current ? shareOfWay(rule, current.value) : null,
    expectedProgress: rule.target === startValue(rule) ? 1 : shareOfWay(rule, expected),
    status: statusOf(rule, term, current?.value ?? null, expected, asOfDate),
    overdue: isOverdue(rule.updateFrequency, term, last?.date ?? null, asOfDate),
    lastReadingDate: last?.date ?? null,
    updatedAt,
  };
}

export interface SeriesPoint {
  /** Month end (or the as-of date for the running month). */
  date: IsoDate;
  actual: number | null;
  expected: number;
}

/**
 * The trend of actual against expected: one point per month of the term up to `asOfDate`, so a
 * five-year term is at most 61 points however many readings it has. `effective` comes from
 * `effectiveReadings` (sorted).
 */
export function monthlySeries(
  rule: IndicatorRule,
  term: TermSpan,
  effective: readonly ReadingFact[],
  asOfDate: IsoDate,
): SeriesPoint[] {
  return seriesOfTally(rule, term, tallyOf(effective), asOfDate);
}

/** `monthlySeries` from the readings' tally: month by month, running sums for `cumulative`, the last reading so far for `latest`. */
export function seriesOfTally(rule: IndicatorRule, term: TermSpan, tally: ReadingsTally, asOfDate: IsoDate): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  const last = minDate(asOfDate, term.end);
  if (last < term.start) return points;
  let sum = 0;
  let numerator = 0;
  let denominator = 0;
  let latest: ReadingFact | null = null;
  const pace = paceOf(rule, term);
  for (const monthEnd of monthEndsOf(term)) {
    const date = minDate(monthEnd.date, last);
    // Effective readings are dated within the term and by the as-of date: a month's are all in its point.
    const month = tally.months.get(date.slice(0, 7));
    if (month) {
      sum += month.sum;
      numerator += month.numerator;
      denominator += month.denominator;
      latest = month.last;
    }
    let actual: number | null = null;
    if (latest) {
      actual = rule.aggregation === 'latest' ? valueOf(rule, latest.value, latest.numerator, latest.denominator).value : valueOf(rule, sum, numerator, denominator).value;
    }
    points.push({ date, actual, expected: paceAt(pace, date === monthEnd.date ? monthEnd.day : dayNumber(date)) });
    if (date === last) break;
  }
  return points;
}

const monthEnds = new Map<string, ReadonlyArray<{ date: IsoDate; day: number }>>();

/** The last day of each month of the term (the term's last day for its last month), worked out once a term. */
function monthEndsOf(term: TermSpan): ReadonlyArray<{ date: IsoDate; day: number }> {
  const key = `${term.start}/${term.end}`;
  let ends = monthEnds.get(key);
  if (!ends) {
    const list: Array<{ date: IsoDate; day: number }> = [];
    for (let end = endOfMonth(term.start); ; end = endOfMonth(addDays(end, 1))) {
      const date = minDate(end, term.end);
      list.push({ date, day: dayNumber(date) });
      if (end >= term.end) break;
    }
    monthEnds.set(key, (ends = list));
  }
  return ends;
}
