import { describe, expect, it } from 'vitest';
import {
  AGGREGATIONS,
  DIRECTIONS,
  MEASURES,
  indicatorRuleSchema,
  type Aggregation,
  type Direction,
  type IndicatorRule,
  type Measure,
  type ReadingFact,
  type Status,
  type TermSpan,
  type UpdateFrequency,
} from '../../shared/indicator/model';
import {
  AT_RISK_DEVIATION,
  AT_RISK_SHORTFALL,
  ON_TRACK_SHORTFALL,
  REPORTING_GRACE_DAYS,
  computeProgress,
  currentValue,
  effectiveReadings,
  expectedAt,
  isOverdue,
  monthlySeries,
  nextDueDate,
  startValue,
  statusOf,
  termElapsed,
} from '../../shared/indicator/progress';

const HCM = 'Asia/Ho_Chi_Minh';

/** An instant given as wall-clock time in Hà Nội (UTC+7), e.g. hcm('2026-02-20T12:00'). */
function hcm(localDateTime: string): number {
  return Date.parse(`${localDateTime}:00+07:00`);
}

/** A rule, checked against the schema so that every case is one an administrator could save. */
function rule(overrides: Partial<IndicatorRule>): IndicatorRule {
  return indicatorRuleSchema.parse({
    measure: 'count',
    aggregation: 'latest',
    direction: 'increase',
    baseline: 0,
    target: 100,
    milestones: [],
    updateFrequency: 'month',
    decimals: 0,
    ...overrides,
  });
}

let autoId = 1000;
/** A reading recorded at 09:00 in Hà Nội on its own date unless told otherwise. */
function reading(
  date: string,
  value: number | [number, number],
  extra: { id?: number; createdAt?: number; supersedes?: number } = {},
): ReadingFact {
  const ratio = Array.isArray(value);
  return {
    id: extra.id ?? autoId++,
    date,
    value: ratio ? null : value,
    numerator: ratio ? value[0] : null,
    denominator: ratio ? value[1] : null,
    createdAt: extra.createdAt ?? hcm(`${date}T09:00`),
    supersedesId: extra.supersedes ?? null,
  };
}

/** A five-year term: 1825 days, one 29 February (2028). */
const TERM: TermSpan = { start: '2026-01-01', end: '2030-12-31' };
/** A 100-day term: day 50 (2026-02-20) is exactly half way. */
const T100: TermSpan = { start: '2026-01-01', end: '2026-04-11' };
const T100_HALF = hcm('2026-02-20T12:00');

it('the thresholds are the documented ones', () => {
  expect([ON_TRACK_SHORTFALL, AT_RISK_SHORTFALL, AT_RISK_DEVIATION]).toEqual([0.05, 0.15, 0.05]);
  expect(REPORTING_GRACE_DAYS).toEqual({ week: 3, month: 10, quarter: 15, year: 30 });
});

describe('every measure × aggregation × direction (100-day term, half way)', () => {
  type Case = {
    baseline: number;
    target: number;
    decimals: number;
    /** Dated 2026-01-10 and 2026-02-01. */
    values: [number | [number, number], number | [number, number]];
    current: number;
    expected: number;
    progress: number;
    expectedProgress: number;
    status: Status;
  };
  // current, expected, progress and status worked out by hand: expected = start + (target − start) / 2,
  // start = 0 for cumulative, the baseline for latest.
  const cases: Record<string, Case> = {
    // members admitted: 3 + 4 = 7 of 20, pace 10 → shortfall 3/20 = 0.15 (exactly AT_RISK_SHORTFALL)
    'count cumulative increase': { baseline: 12, target: 20, decimals: 0, values: [3, 4], current: 7, expected: 10, progress: 0.35, expectedProgress: 0.5, status: 'at_risk' },
    // ceiling of 20 over the term: 9 used, allowance by now 10
    'count cumulative decrease': { baseline: 30, target: 20, decimals: 0, values: [4, 5], current: 9, expected: 10, progress: 0.45, expectedProgress: 0.5, status: 'on_track' },
    // the sum holds the target exactly
    'count cumulative maintain': { baseline: 5, target: 5, decimals: 0, values: [2, 3], current: 5, expected: 2.5, progress: 1, expectedProgress: 0.5, status: 'achieved' },
    // 108 against a pace of 107.5: ahead
    'count latest increase': { baseline: 100, target: 115, decimals: 0, values: [104, 108], current: 108, expected: 107.5, progress: 8 / 15, expectedProgress: 0.5, status: 'on_track' },
    // down 7 of the 20 to go, pace 10 → shortfall 3/20 = 0.15
    'count latest decrease': { baseline: 40, target: 20, decimals: 0, values: [35, 33], current: 33, expected: 30, progress: 0.35, expectedProgress: 0.5, status: 'at_risk' },
    // 4 of 5 branches: off by 1/5 = 0.2 > AT_RISK_DEVIATION; target = start, so progress = 4/5
    'count latest maintain': { baseline: 5, target: 5, decimals: 0, values: [5, 4], current: 4, expected: 5, progress: 0.8, expectedProgress: 1, status: 'off_track' },
    // 12 of 30 points, pace 15 → shortfall 0.1
    'percent latest increase': { baseline: 60, target: 90, decimals: 0, values: [65, 72], current: 72, expected: 75, progress: 0.4, expectedProgress: 0.5, status: 'at_risk' },
    // down 3.6 of 8, pace 4 → shortfall 0.4/8 = 0.05 exactly (10 − 6.4 is 3.5999999999999996 in floating point)
    'percent latest decrease': { baseline: 10, target: 2, decimals: 1, values: [8, 6.4], current: 6.4, expected: 6, progress: 0.45, expectedProgress: 0.5, status: 'on_track' },
    'percent latest maintain': { baseline: 100, target: 100, decimals: 0, values: [98, 100], current: 100, expected: 100, progress: 1, expectedProgress: 1, status: 'achieved' },
    // A cumulative ratio is a level (a share of sums), starting from its baseline:
    // (4 + 5) / (5 + 5) = 90 %, half way from 80 to 100, on the pace
    'ratio cumulative increase': { baseline: 80, target: 100, decimals: 0, values: [[4, 5], [5, 5]], current: 90, expected: 90, progress: 0.5, expectedProgress: 0.5, status: 'on_track' },
    // late dossiers 10 % → 5 %: (1 + 2) / (20 + 30) = 6 %, ahead of the pace 7.5
    'ratio cumulative decrease': { baseline: 10, target: 5, decimals: 1, values: [[1, 20], [2, 30]], current: 6, expected: 7.5, progress: 0.8, expectedProgress: 0.5, status: 'on_track' },
    // 9/10 = 90 % against 100 %: off by 0.1; progress 90/100
    'ratio cumulative maintain': { baseline: 100, target: 100, decimals: 0, values: [[5, 5], [4, 5]], current: 90, expected: 100, progress: 0.9, expectedProgress: 1, status: 'off_track' },
    // 4/5 = 80 % exactly on the pace
    'ratio latest increase': { baseline: 60, target: 100, decimals: 0, values: [[3, 5], [4, 5]], current: 80, expected: 80, progress: 0.5, expectedProgress: 0.5, status: 'on_track' },
    // 2/5 = 40 %: down 10 of 40, pace 20 → shortfall 0.25
    'ratio latest decrease': { baseline: 50, target: 10, decimals: 0, values: [[3, 5], [2, 5]], current: 40, expected: 30, progress: 0.25, expectedProgress: 0.5, status: 'off_track' },
    // 19/20 = 95 %: below by exactly AT_RISK_DEVIATION; progress 95/100
    'ratio latest maintain': { baseline: 100, target: 100, decimals: 0, values: [[20, 20], [19, 20]], current: 95, expected: 100, progress: 0.95, expectedProgress: 1, status: 'at_risk' },
    // 3.75 of 10, pace 5 → shortfall 0.125
    'number cumulative increase': { baseline: 0, target: 10, decimals: 2, values: [1.25, 2.5], current: 3.75, expected: 5, progress: 0.375, expectedProgress: 0.5, status: 'at_risk' },
    // 9 over a ceiling of 8: off track whatever the date
    'number cumulative decrease': { baseline: 9, target: 8, decimals: 1, values: [5, 4], current: 9, expected: 4, progress: 1.125, expectedProgress: 0.5, status: 'off_track' },
    // 3.8 against at least 4: below by 0.2/4 = 0.05 exactly (4 − 3.8 is 0.20000000000000018 in floating point)
    'number cumulative maintain': { baseline: 0, target: 4, decimals: 1, values: [1.5, 2.3], current: 3.8, expected: 2, progress: 0.95, expectedProgress: 0.5, status: 'at_risk' },
    'number latest increase': { baseline: 3.5, target: 5.5, decimals: 1, values: [4, 5.6], current: 5.6, expected: 4.5, progress: 1.05, expectedProgress: 0.5, status: 'achieved' },
    // processing days 12 → 6: 8 is ahead of the pace 9
    'number latest decrease': { baseline: 12, target: 6, decimals: 1, values: [10, 8], current: 8, expected: 9, progress: 4 / 6, expectedProgress: 0.5, status: 'on_track' },
    // maintain 8 from a baseline of 7: 7 is off by 1/8 = 0.125
    'number latest maintain': { baseline: 7, target: 8, decimals: 1, values: [7.2, 7], current: 7, expected: 7.5, progress: 0, expectedProgress: 0.5, status: 'off_track' },
  };

  const combinations = MEASURES.flatMap((m) =>
    AGGREGATIONS.flatMap((a) => DIRECTIONS.map((d) => [m, a, d] as [Measure, Aggregation, Direction])),
  );

  it('has a case for each of the 21 combinations a rule allows', () => {
    expect(combinations).toHaveLength(24);
    expect(Object.keys(cases).sort()).toEqual(
      combinations
        .filter(([m, a]) => !(m === 'percent' && a === 'cumulative'))
        .map((c) => c.join(' '))
        .sort(),
    );
  });

  it.each(combinations)('%s × %s × %s', (measure, aggregation, direction) => {
    const c = cases[`${measure} ${aggregation} ${direction}`];
    if (measure === 'percent' && aggregation === 'cumulative') {
      const parsed = indicatorRuleSchema.safeParse({
        measure, aggregation, direction, baseline: 50, target: 50, milestones: [], updateFrequency: 'month', decimals: 0,
      });
      expect(parsed.success).toBe(false);
      expect(c).toBeUndefined();
      return;
    }
    expect(c).toBeDefined();
    const r = rule({ measure, aggregation, direction, baseline: c!.baseline, target: c!.target, decimals: c!.decimals });
    const readings = [reading('2026-01-10', c!.values[0]), reading('2026-02-01', c!.values[1])];
    const p = computeProgress({ rule: r, term: T100, readings, asOf: T100_HALF, timeZone: HCM });
    expect(p.current).toBeCloseTo(c!.current, 9);
    expect(p.expected).toBeCloseTo(c!.expected, 9);
    expect(p.progress).toBeCloseTo(c!.progress, 9);
    expect(p.expectedProgress).toBeCloseTo(c!.expectedProgress, 9);
    expect(p.status).toBe(c!.status);
    expect(p.target).toBe(c!.target);
    expect(p.lastReadingDate).toBe('2026-02-01');
    expect(p.overdue).toBe(false);
    if (measure === 'ratio') {
      const [first, second] = c!.values as [[number, number], [number, number]];
      const [n, d] = aggregation === 'cumulative' ? [first[0] + second[0], first[1] + second[1]] : second;
      expect([p.numerator, p.denominator]).toEqual([n, d]);
    } else {
      expect([p.numerator, p.denominator]).toEqual([null, null]);
    }
  });
});

describe('startValue', () => {
  it.each<[Measure, Aggregation, Direction, number, number, number]>([
    // a term total (cumulative count or number) starts from zero; the baseline is last term's total
    ['count', 'cumulative', 'increase', 12, 20, 0],
    ['count', 'cumulative', 'decrease', 30, 20, 0],
    ['number', 'cumulative', 'maintain', 5, 5, 0],
    // a level starts from its baseline, a cumulative ratio included
    ['ratio', 'cumulative', 'increase', 80, 100, 80],
    ['ratio', 'cumulative', 'decrease', 10, 5, 10],
    ['count', 'latest', 'increase', 60, 90, 60],
    ['number', 'latest', 'decrease', 40, 20, 40],
    ['percent', 'latest', 'maintain', 100, 100, 100],
    ['ratio', 'latest', 'increase', 60, 100, 60],
  ])('%s %s %s, baseline %d → %d', (measure, aggregation, direction, baseline, target, expected) => {
    expect(startValue(rule({ measure, aggregation, direction, baseline, target }))).toBe(expected);
  });
});

describe('status at the thresholds (statusOf, mid-term)', () => {
  const MID = '2027-06-30';
  it.each<[string, Partial<IndicatorRule>, number, number, Status]>([
    // increase 0 → 100, pace 50: shortfall = (50 − value) / 100
    ['shortfall 0.05 exactly', { baseline: 0, target: 100 }, 50, 45, 'on_track'],
    ['shortfall 0.06', { baseline: 0, target: 100 }, 50, 44, 'at_risk'],
    ['shortfall 0.04', { baseline: 0, target: 100 }, 50, 46, 'on_track'],
    ['shortfall 0.051', { baseline: 0, target: 100, decimals: 1 }, 50, 44.9, 'at_risk'],
    ['shortfall 0.049', { baseline: 0, target: 100, decimals: 1 }, 50, 45.1, 'on_track'],
    ['shortfall 0.15 exactly', { baseline: 0, target: 100 }, 50, 35, 'at_risk'],
    ['shortfall 0.151', { baseline: 0, target: 100, decimals: 1 }, 50, 34.9, 'off_track'],
    ['shortfall 0.149', { baseline: 0, target: 100, decimals: 1 }, 50, 35.1, 'at_risk'],
    ['ahead of the pace', { baseline: 0, target: 100 }, 50, 70, 'on_track'],
    ['compared as displayed: 44.96 shows as 45.0', { baseline: 0, target: 100, decimals: 1 }, 50, 44.96, 'on_track'],
    ['compared as displayed: 44.96 with 2 decimals', { baseline: 0, target: 100, decimals: 2 }, 50, 44.96, 'at_risk'],
    // values whose subtraction is inexact in floating point, exactly on the thresholds
    ['60 → 90, pace 75, 73.5: shortfall 0.05', { measure: 'percent', baseline: 60, target: 90, decimals: 1 }, 75, 73.5, 'on_track'],
    ['60 → 90, pace 75, 73.4: shortfall 0.0533', { measure: 'percent', baseline: 60, target: 90, decimals: 1 }, 75, 73.4, 'at_risk'],
    ['60 → 90, pace 75, 70.5: shortfall 0.15', { measure: 'percent', baseline: 60, target: 90, decimals: 1 }, 75, 70.5, 'at_risk'],
    ['60 → 90, pace 75, 70.4: shortfall 0.1533', { measure: 'percent', baseline: 60, target: 90, decimals: 1 }, 75, 70.4, 'off_track'],
    ['0 → 24, pace 2.2, 1: shortfall 0.05', { measure: 'number', baseline: 0, target: 24, decimals: 1 }, 2.2, 1, 'on_track'],
    ['0 → 24, pace 2.2, 0.9: shortfall 0.0542', { measure: 'number', baseline: 0, target: 24, decimals: 1 }, 2.2, 0.9, 'at_risk'],
    // decrease 100 → 0, pace 50: shortfall = (value − 50) / 100
    ['decrease, shortfall 0.05', { direction: 'decrease', baseline: 100, target: 0, decimals: 1 }, 50, 55, 'on_track'],
    ['decrease, shortfall 0.051', { direction: 'decrease', baseline: 100, target: 0, decimals: 1 }, 50, 55.1, 'at_risk'],
    ['decrease, shortfall 0.15', { direction: 'decrease', baseline: 100, target: 0, decimals: 1 }, 50, 65, 'at_risk'],
    ['decrease, shortfall 0.151', { direction: 'decrease', baseline: 100, target: 0, decimals: 1 }, 50, 65.1, 'off_track'],
    ['decrease 10 → 2, pace 6, 6.4: shortfall 0.05', { measure: 'percent', direction: 'decrease', baseline: 10, target: 2, decimals: 1 }, 6, 6.4, 'on_track'],
    ['decrease 10 → 2, pace 6, 6.5: shortfall 0.0625', { measure: 'percent', direction: 'decrease', baseline: 10, target: 2, decimals: 1 }, 6, 6.5, 'at_risk'],
    ['decrease 10 → 2, pace 6, 7.2: shortfall 0.15', { measure: 'percent', direction: 'decrease', baseline: 10, target: 2, decimals: 1 }, 6, 7.2, 'at_risk'],
    ['decrease 10 → 2, pace 6, 7.3: shortfall 0.1625', { measure: 'percent', direction: 'decrease', baseline: 10, target: 2, decimals: 1 }, 6, 7.3, 'off_track'],
    ['decrease, at the target', { direction: 'decrease', baseline: 100, target: 20 }, 60, 20, 'achieved'],
    ['decrease, below the target', { direction: 'decrease', baseline: 100, target: 20 }, 60, 15, 'achieved'],
    ['increase, at the target', { baseline: 0, target: 100 }, 50, 100, 'achieved'],
    ['increase, 99.96 shows as 100.0', { baseline: 0, target: 100, decimals: 1 }, 50, 99.96, 'achieved'],
    ['increase, 99.94 shows as 99.9', { baseline: 0, target: 100, decimals: 1 }, 50, 99.94, 'on_track'],
    // maintain: a floor. At or above the target (as displayed): achieved. Below it: the deviation
    // (target − value) / max(|target|, 1) ≤ AT_RISK_DEVIATION → at risk, more → off track.
    ['maintain 100, exactly at it', { direction: 'maintain', baseline: 100, target: 100, decimals: 1 }, 100, 100, 'achieved'],
    ['maintain 100, 99.9 just below: deviation 0.001', { direction: 'maintain', baseline: 100, target: 100, decimals: 1 }, 100, 99.9, 'at_risk'],
    ['maintain 100, 99.96 shows as 100.0', { direction: 'maintain', baseline: 100, target: 100, decimals: 1 }, 100, 99.96, 'achieved'],
    ['maintain 100, 99.94 shows as 99.9', { direction: 'maintain', baseline: 100, target: 100, decimals: 1 }, 100, 99.94, 'at_risk'],
    ['maintain 100, 95.1: deviation 0.049', { direction: 'maintain', baseline: 100, target: 100, decimals: 1 }, 100, 95.1, 'at_risk'],
    ['maintain 100, 95: deviation 0.05 exactly', { direction: 'maintain', baseline: 100, target: 100, decimals: 1 }, 100, 95, 'at_risk'],
    ['maintain 100, 94.96 shows as 95.0', { direction: 'maintain', baseline: 100, target: 100, decimals: 1 }, 100, 94.96, 'at_risk'],
    ['maintain 100, 94.9: deviation 0.051', { direction: 'maintain', baseline: 100, target: 100, decimals: 1 }, 100, 94.9, 'off_track'],
    ['maintain 100, 94.94 shows as 94.9', { direction: 'maintain', baseline: 100, target: 100, decimals: 1 }, 100, 94.94, 'off_track'],
    ['maintain 100, 105: above is achieved', { direction: 'maintain', measure: 'number', baseline: 100, target: 100, decimals: 1 }, 100, 105, 'achieved'],
    ['maintain 100, 150: far above is achieved', { direction: 'maintain', measure: 'number', baseline: 100, target: 100, decimals: 1 }, 100, 150, 'achieved'],
    ['maintain 1, exactly at it', { direction: 'maintain', measure: 'number', baseline: 1, target: 1, decimals: 2 }, 1, 1, 'achieved'],
    ['maintain 1, 0.99 just below', { direction: 'maintain', measure: 'number', baseline: 1, target: 1, decimals: 2 }, 1, 0.99, 'at_risk'],
    ['maintain 1, 0.95: deviation 0.05 (1 − 0.95 is 0.050000000000000044)', { direction: 'maintain', measure: 'number', baseline: 1, target: 1, decimals: 2 }, 1, 0.95, 'at_risk'],
    ['maintain 1, 0.94', { direction: 'maintain', measure: 'number', baseline: 1, target: 1, decimals: 2 }, 1, 0.94, 'off_track'],
    ['maintain 1, 1.05', { direction: 'maintain', measure: 'number', baseline: 1, target: 1, decimals: 2 }, 1, 1.05, 'achieved'],
    ['maintain 0: 0.05 above', { direction: 'maintain', measure: 'number', baseline: 0, target: 0, decimals: 2 }, 0, 0.05, 'achieved'],
    ['maintain 0: deviation over 1, −0.05', { direction: 'maintain', measure: 'number', baseline: 0, target: 0, decimals: 2 }, 0, -0.05, 'at_risk'],
    ['maintain 0: deviation over 1, −0.06', { direction: 'maintain', measure: 'number', baseline: 0, target: 0, decimals: 2 }, 0, -0.06, 'off_track'],
    // "5/5 chi bộ": one branch short is off by 1/5
    ['maintain 5 branches, 5', { direction: 'maintain', baseline: 5, target: 5 }, 5, 5, 'achieved'],
    ['maintain 5 branches, 4: deviation 0.2', { direction: 'maintain', baseline: 5, target: 5 }, 5, 4, 'off_track'],
    ['maintain 20, 19: deviation 0.05', { direction: 'maintain', baseline: 20, target: 20 }, 20, 19, 'at_risk'],
    ['maintain 20, 18: deviation 0.1', { direction: 'maintain', baseline: 20, target: 20 }, 20, 18, 'off_track'],
    // a maintain target other than the baseline: the same floor, whatever the pace
    ['maintain 100 from 90, 100', { measure: 'percent', direction: 'maintain', baseline: 90, target: 100 }, 95, 100, 'achieved'],
    ['maintain 100 from 90, 95', { measure: 'percent', direction: 'maintain', baseline: 90, target: 100 }, 95, 95, 'at_risk'],
    ['maintain 100 from 90, 94', { measure: 'percent', direction: 'maintain', baseline: 90, target: 100 }, 95, 94, 'off_track'],
    // increase whose target equals its start: judged like maintain below it
    ['increase 50 → 50, at 51', { baseline: 50, target: 50, decimals: 1 }, 50, 51, 'achieved'],
    ['increase 50 → 50, at 47.5: deviation 0.05', { baseline: 50, target: 50, decimals: 1 }, 50, 47.5, 'at_risk'],
    ['increase 50 → 50, at 47.4', { baseline: 50, target: 50, decimals: 1 }, 50, 47.4, 'off_track'],
    // decrease whose target equals its start: the same above it
    ['decrease 20 → 20, at 19', { direction: 'decrease', baseline: 20, target: 20, decimals: 1 }, 20, 19, 'achieved'],
    ['decrease 20 → 20, at 21: deviation 0.05', { direction: 'decrease', baseline: 20, target: 20, decimals: 1 }, 20, 21, 'at_risk'],
    ['decrease 20 → 20, at 21.1', { direction: 'decrease', baseline: 20, target: 20, decimals: 1 }, 20, 21.1, 'off_track'],
    ['no reading', { baseline: 0, target: 100 }, 50, Number.NaN, 'no_data'],
  ])('%s', (_name, overrides, expected, value, status) => {
    const current = Number.isNaN(value) ? null : value;
    expect(statusOf(rule(overrides), TERM, current, expected, MID)).toBe(status);
  });
});

describe('decrease + cumulative: the target is a ceiling for the term total', () => {
  // e.g. at most 20 disciplinary cases over the term; the pace spreads the allowance over it
  const ceiling = rule({ aggregation: 'cumulative', direction: 'decrease', baseline: 30, target: 20 });
  it.each<[string, string, number, number, Status]>([
    ['mid-term, at the allowance', '2027-06-30', 10, 10, 'on_track'],
    ['mid-term, under the allowance', '2027-06-30', 10, 9, 'on_track'],
    ['mid-term, none used', '2027-06-30', 10, 0, 'on_track'],
    ['mid-term, over the allowance', '2027-06-30', 10, 11, 'at_risk'],
    ['mid-term, at the ceiling', '2027-06-30', 10, 20, 'at_risk'],
    ['mid-term, over the ceiling', '2027-06-30', 10, 21, 'off_track'],
    ['allowance 10.4 shows as 10', '2027-06-30', 10.4, 10, 'on_track'],
    ['allowance 9.6 shows as 10', '2027-06-30', 9.6, 10, 'on_track'],
    ['allowance 9.4 shows as 9', '2027-06-30', 9.4, 10, 'at_risk'],
    ['first day, over the ceiling at once', '2026-01-01', 0, 21, 'off_track'],
    // the last day is still a day of the term: within the ceiling is on track, not yet achieved
    ['last day, at the ceiling', '2030-12-31', 20, 20, 'on_track'],
    ['last day, none used', '2030-12-31', 20, 0, 'on_track'],
    ['last day, over the ceiling', '2030-12-31', 20, 21, 'off_track'],
    ['the day after the last day, at the ceiling', '2031-01-01', 20, 20, 'achieved'],
    ['the day after the last day, none used', '2031-01-01', 20, 0, 'achieved'],
    ['the day after the last day, over the ceiling', '2031-01-01', 20, 21, 'off_track'],
    ['after the term, within', '2031-03-01', 20, 19, 'achieved'],
    ['after the term, over', '2031-03-01', 20, 25, 'off_track'],
  ])('%s (%s, allowance %d, used %d) → %s', (_name, date, expected, used, status) => {
    expect(statusOf(ceiling, TERM, used, expected, date)).toBe(status);
  });

  it('expects the allowance to grow linearly from 0 to the ceiling', () => {
    // 790 of 1825 days on 2028-03-01
    expect(expectedAt(ceiling, TERM, '2028-03-01')).toBeCloseTo((20 * 790) / 1825, 9);
    expect(expectedAt(ceiling, TERM, '2026-01-01')).toBe(0);
    expect(expectedAt(ceiling, TERM, '2030-12-31')).toBe(20);
  });

  it('shows the share of the ceiling used as progress', () => {
    const readings = [reading('2026-03-01', 4), reading('2026-06-01', 3)];
    const p = computeProgress({ rule: ceiling, term: TERM, readings, asOf: hcm('2026-07-01T12:00'), timeZone: HCM });
    expect(p.current).toBe(7);
    expect(p.progress).toBeCloseTo(0.35, 9);
    // 181 days in: allowance 20 × 181 / 1825 = 1.98 → shown as 2 < 7
    expect(p.expected).toBeCloseTo((20 * 181) / 1825, 9);
    expect(p.status).toBe('at_risk');
  });
});

describe('term start day and end day', () => {
  const members = rule({ baseline: 100, target: 115 }); // latest, increase
  const admitted = rule({ aggregation: 'cumulative', baseline: 12, target: 15 });

  it.each<[string, number]>([
    ['2025-06-01', 0],
    ['2025-12-31', 0],
    ['2026-01-01', 0],
    ['2028-03-01', 790 / 1825],
    ['2030-12-30', 1824 / 1825],
    ['2030-12-31', 1],
    ['2031-01-01', 1],
  ])('termElapsed on %s is %d', (date, share) => {
    expect(termElapsed(TERM, date)).toBeCloseTo(share, 12);
  });

  it.each<[string, string, number, number]>([
    ['before the term: the start value', '2025-12-31', 100, 0],
    ['first day: the start value', '2026-01-01', 100, 0],
    ['last day: the target', '2030-12-31', 115, 15],
    ['after the term: the target', '2031-06-01', 115, 15],
  ])('expectedAt: %s', (_name, date, latest, cumulative) => {
    expect(expectedAt(members, TERM, date)).toBe(latest);
    expect(expectedAt(admitted, TERM, date)).toBe(cumulative);
  });

  it.each<[string, number, Array<[string, number]>, Partial<ReturnType<typeof computeProgress>>]>([
    ['first day, reading on the first day', hcm('2026-01-01T10:00'), [['2026-01-01', 100]], {
      current: 100, expected: 100, progress: 0, expectedProgress: 0, status: 'on_track', lastReadingDate: '2026-01-01', overdue: false,
    }],
    ['the day before: the reading of the previous term does not count', hcm('2025-12-31T10:00'), [['2025-12-31', 100]], {
      current: null, expected: 100, progress: null, expectedProgress: 0, status: 'no_data', lastReadingDate: null, overdue: false,
    }],
    // on the last day the pace expects the target: 114 is 1 short of a 15-point way (0.0667)
    ['last day, short of the target', hcm('2030-12-31T10:00'), [['2030-12-15', 114]], {
      current: 114, expected: 115, progress: 14 / 15, expectedProgress: 1, status: 'at_risk', overdue: false,
    }],
    ['last day, late in the evening in Hà Nội', hcm('2030-12-31T23:59'), [['2030-12-15', 114]], {
      current: 114, expected: 115, status: 'at_risk',
    }],
    ['the day after the last day, just after midnight in Hà Nội', hcm('2031-01-01T00:01'), [['2030-12-15', 114]], {
      current: 114, expected: 115, progress: 14 / 15, expectedProgress: 1, status: 'off_track', overdue: false,
    }],
    ['last day, 3 short (0.2): off track already', hcm('2030-12-31T10:00'), [['2030-12-15', 112]], {
      current: 112, status: 'off_track',
    }],
    ['last day, target reached', hcm('2030-12-31T10:00'), [['2030-12-31', 115]], {
      current: 115, expected: 115, progress: 1, status: 'achieved', lastReadingDate: '2030-12-31',
    }],
    ['after the end, short of the target', hcm('2031-02-01T10:00'), [['2030-12-15', 114]], {
      current: 114, expected: 115, expectedProgress: 1, status: 'off_track', overdue: false,
    }],
    ['after the end, target exceeded', hcm('2031-02-01T10:00'), [['2030-06-30', 118]], {
      current: 118, progress: 18 / 15, status: 'achieved', overdue: false,
    }],
    ['after the end, readings dated after the term do not count', hcm('2031-02-01T10:00'), [['2030-12-15', 110], ['2031-01-10', 120]], {
      current: 110, status: 'off_track', lastReadingDate: '2030-12-15',
    }],
    ['after the end, no reading', hcm('2031-02-01T10:00'), [], { current: null, status: 'no_data', overdue: false }],
  ])('%s', (_name, asOf, values, expected) => {
    const readings = values.map(([date, value]) => reading(date, value));
    const p = computeProgress({ rule: members, term: TERM, readings, asOf, timeZone: HCM });
    for (const [key, value] of Object.entries(expected)) {
      if (typeof value === 'number') expect(p[key as keyof typeof p], key).toBeCloseTo(value, 9);
      else expect(p[key as keyof typeof p], key).toBe(value);
    }
  });

  // statusOf on the last day (2030-12-31) and on the day after (2031-01-01); on both the pace
  // expects the target. On the last day the usual rules apply; from the day after, a target not
  // achieved is off track.
  it.each<[string, Partial<IndicatorRule>, number, Status, Status]>([
    ['increase 0 → 100, 100', { baseline: 0, target: 100 }, 100, 'achieved', 'achieved'],
    ['increase 0 → 100, 95: shortfall 0.05', { baseline: 0, target: 100 }, 95, 'on_track', 'off_track'],
    ['increase 0 → 100, 94: shortfall 0.06', { baseline: 0, target: 100 }, 94, 'at_risk', 'off_track'],
    ['increase 0 → 100, 85: shortfall 0.15', { baseline: 0, target: 100 }, 85, 'at_risk', 'off_track'],
    ['increase 0 → 100, 84: shortfall 0.16', { baseline: 0, target: 100 }, 84, 'off_track', 'off_track'],
    ['60 % → 90 %, 88.5: shortfall 0.05 (docs/domain.md)', { measure: 'percent', baseline: 60, target: 90, decimals: 1 }, 88.5, 'on_track', 'off_track'],
    ['60 % → 90 %, 85.5: shortfall 0.15 (docs/domain.md)', { measure: 'percent', baseline: 60, target: 90, decimals: 1 }, 85.5, 'at_risk', 'off_track'],
    ['decrease 10 → 5, 4.9', { direction: 'decrease', baseline: 10, target: 5, decimals: 1 }, 4.9, 'achieved', 'achieved'],
    ['decrease 10 → 5, 5.1: shortfall 0.02', { direction: 'decrease', baseline: 10, target: 5, decimals: 1 }, 5.1, 'on_track', 'off_track'],
    ['decrease 10 → 5, 5.8: shortfall 0.16', { direction: 'decrease', baseline: 10, target: 5, decimals: 1 }, 5.8, 'off_track', 'off_track'],
    ['maintain 100, held', { measure: 'percent', direction: 'maintain', baseline: 100, target: 100 }, 100, 'achieved', 'achieved'],
    ['maintain 100, 99: deviation 0.01', { measure: 'percent', direction: 'maintain', baseline: 100, target: 100 }, 99, 'at_risk', 'off_track'],
    ['maintain 100, 94: deviation 0.06', { measure: 'percent', direction: 'maintain', baseline: 100, target: 100 }, 94, 'off_track', 'off_track'],
    ['ceiling of 20, 20 used', { aggregation: 'cumulative', direction: 'decrease', baseline: 30, target: 20 }, 20, 'on_track', 'achieved'],
    ['ceiling of 20, 21 used', { aggregation: 'cumulative', direction: 'decrease', baseline: 30, target: 20 }, 21, 'off_track', 'off_track'],
  ])('statusOf: %s → %s on the last day, %s the day after', (_name, overrides, value, lastDay, dayAfter) => {
    const r = rule(overrides);
    expect(statusOf(r, TERM, value, r.target, '2030-12-31')).toBe(lastDay);
    expect(statusOf(r, TERM, value, r.target, '2031-01-01')).toBe(dayAfter);
  });
});

describe('leap years', () => {
  // 2028-02-01 → 2028-03-02 is 30 days because February 2028 has 29.
  const LEAP: TermSpan = { start: '2028-02-01', end: '2028-03-02' };
  const daily = rule({ aggregation: 'cumulative', target: 30 });

  it.each<[string, number]>([
    ['2028-02-01', 0],
    ['2028-02-28', 27],
    ['2028-02-29', 28],
    ['2028-03-01', 29],
    ['2028-03-02', 30],
  ])('expectedAt %s = %d', (date, expected) => {
    expect(expectedAt(daily, LEAP, date)).toBeCloseTo(expected, 9);
    expect(termElapsed(LEAP, date)).toBeCloseTo(expected / 30, 12);
  });

  it.each<[string, number]>([
    ['2028-02-28', 788],
    ['2028-02-29', 789],
    ['2028-03-01', 790],
    ['2030-12-31', 1825],
  ])('five-year term with target 1825: expectedAt %s = %d (one unit a day)', (date, expected) => {
    expect(expectedAt(rule({ aggregation: 'cumulative', target: 1825 }), TERM, date)).toBeCloseTo(expected, 9);
  });

  it('counts a reading dated 29 February, late in the evening in Hà Nội', () => {
    const readings = [reading('2028-02-29', 28, { createdAt: hcm('2028-02-29T23:00') })];
    const p = computeProgress({ rule: daily, term: LEAP, readings, asOf: hcm('2028-02-29T23:59'), timeZone: HCM });
    expect(p).toMatchObject({ current: 28, lastReadingDate: '2028-02-29', status: 'on_track' });
    expect(p.expected).toBeCloseTo(28, 9);
  });
});

describe('readings dated on the same day', () => {
  const t1 = hcm('2026-02-01T09:00');
  const t2 = hcm('2026-02-01T15:00');
  // the later-recorded reading comes first in the input and has the smaller id
  const sameDay = [reading('2026-02-01', 7, { id: 10, createdAt: t2 }), reading('2026-02-01', 5, { id: 11, createdAt: t1 })];
  const sameInstant = [reading('2026-02-01', 4, { id: 21, createdAt: t1 }), reading('2026-02-01', 3, { id: 20, createdAt: t1 })];
  const olderRecordedLater = [reading('2026-02-10', 9), reading('2026-02-05', 2, { createdAt: hcm('2026-02-15T09:00') })];

  it.each<[string, ReadingFact[], Aggregation, number, number[]]>([
    ['latest: the later-recorded wins', sameDay, 'latest', 7, [11, 10]],
    ['cumulative: both count', sameDay, 'cumulative', 12, [11, 10]],
    ['latest: recorded at the same instant, the higher id wins', sameInstant, 'latest', 4, [20, 21]],
    ['cumulative: recorded at the same instant, both count', sameInstant, 'cumulative', 7, [20, 21]],
    ['latest: the later date wins over the later recording', olderRecordedLater, 'latest', 9, []],
  ])('%s', (_name, readings, aggregation, current, order) => {
    const asOf = hcm('2026-02-20T12:00');
    const effective = effectiveReadings(readings, TERM, asOf, '2026-02-20');
    if (order.length > 0) expect(effective.map((r) => r.id)).toEqual(order);
    expect(currentValue(rule({ aggregation }), effective)?.value).toBe(current);
    expect(computeProgress({ rule: rule({ aggregation }), term: TERM, readings, asOf, timeZone: HCM }).current).toBe(current);
  });
});

describe('corrections and as-of', () => {
  const T_A = hcm('2026-02-01T10:00');
  const T_B = hcm('2026-02-03T10:00');
  const T_C = hcm('2026-02-05T10:00');
  const other = reading('2026-01-15', 5, { id: 4 });
  const a = reading('2026-02-01', 10, { id: 1, createdAt: T_A });
  const b = reading('2026-02-01', 12, { id: 2, createdAt: T_B, supersedes: 1 }); // B corrects A
  const c = reading('2026-02-01', 13, { id: 3, createdAt: T_C, supersedes: 2 }); // C corrects B
  const late = reading('2026-02-01', 100, { id: 5, createdAt: hcm('2026-02-25T10:00') }); // recorded after every asOf below
  const chain = [c, a, late, other, b];

  it.each<[string, number, number[], number | null, number | null, number | null]>([
    ['before anything', hcm('2026-01-10T12:00'), [], null, null, null],
    ['before A', hcm('2026-01-20T12:00'), [4], 5, 5, hcm('2026-01-15T09:00')],
    ['A recorded, its correction not yet', hcm('2026-02-02T12:00'), [4, 1], 15, 10, T_A],
    ['B replaces A', hcm('2026-02-04T12:00'), [4, 2], 17, 12, T_B],
    ['at the very instant B is recorded', T_B, [4, 2], 17, 12, T_B],
    ['one millisecond before B', T_B - 1, [4, 1], 15, 10, T_A],
    ['C replaces B, which replaced A', hcm('2026-02-06T12:00'), [4, 3], 18, 13, T_C],
    ['much later, still without the reading recorded after asOf', hcm('2026-02-24T12:00'), [4, 3], 18, 13, T_C],
  ])('%s', (_name, asOf, ids, cumulative, latest, updatedAt) => {
    const asOfDate = new Date(asOf + 7 * 3_600_000).toISOString().slice(0, 10);
    expect(effectiveReadings(chain, TERM, asOf, asOfDate).map((r) => r.id)).toEqual(ids);
    const sum = computeProgress({ rule: rule({ aggregation: 'cumulative' }), term: TERM, readings: chain, asOf, timeZone: HCM });
    const last = computeProgress({ rule: rule({}), term: TERM, readings: chain, asOf, timeZone: HCM });
    expect(sum.current).toBe(cumulative);
    expect(last.current).toBe(latest);
    expect(sum.updatedAt).toBe(updatedAt);
    if (cumulative === null) expect([sum.status, last.status]).toEqual(['no_data', 'no_data']);
  });

  it('a later reading recorded after asOf appears once asOf passes it', () => {
    const p = computeProgress({ rule: rule({ aggregation: 'cumulative' }), term: TERM, readings: chain, asOf: hcm('2026-02-25T10:00'), timeZone: HCM });
    expect(p.current).toBe(118);
  });

  it.each<[string, ReadingFact[], string, number[]]>([
    // A correction counts from when it is recorded, whatever date it carries.
    ['a correction that moves the reading before the term', [a, reading('2025-12-20', 10, { id: 2, createdAt: T_B, supersedes: 1 })], '2026-02-04', []],
    ['a correction that moves the reading after the term', [a, reading('2031-01-05', 10, { id: 2, createdAt: T_B, supersedes: 1 })], '2026-02-04', []],
    ['a correction dated after the as-of date', [a, reading('2026-02-10', 10, { id: 2, createdAt: T_B, supersedes: 1 })], '2026-02-04', []],
    ['the same correction once its date has come', [a, reading('2026-02-10', 10, { id: 2, createdAt: T_B, supersedes: 1 })], '2026-02-10', [2]],
    ['a reading dated after the as-of date', [other, reading('2026-02-10', 3, { id: 6, createdAt: T_A })], '2026-02-04', [4]],
    ['readings dated outside the term', [reading('2025-12-31', 3, { id: 7, createdAt: T_A }), reading('2031-01-01', 3, { id: 8, createdAt: T_A }), other], '2026-02-04', [4]],
  ])('%s', (_name, readings, asOfDate, ids) => {
    expect(effectiveReadings(readings, TERM, hcm(`${asOfDate}T12:00`), asOfDate).map((r) => r.id)).toEqual(ids);
  });
});

describe('yearly milestones', () => {
  // Admitted members: 5 by end 2026, 15 by end 2027, 30 by end 2028, 40 by end 2029, 50 at the term's end.
  // 2025 and 2031 lie outside the term; 2030 falls on the term's last day, where the target rules.
  const admitted = rule({
    aggregation: 'cumulative',
    target: 50,
    milestones: [
      { year: 2029, value: 40 },
      { year: 2026, value: 5 },
      { year: 2031, value: 100 },
      { year: 2028, value: 30 },
      { year: 2025, value: 100 },
      { year: 2027, value: 15 },
      { year: 2030, value: 45 },
    ],
  });

  it.each<[string, number]>([
    ['2025-12-31', 0],
    ['2026-01-01', 0],
    ['2026-07-02', 2.5], // 182 of 364 days towards 5
    ['2026-12-31', 5],
    ['2027-12-31', 15],
    ['2028-07-01', 22.5], // 183 of 366 days (2028 is a leap year) from 15 towards 30
    ['2028-12-31', 30],
    ['2029-12-31', 40],
    ['2030-03-14', 42], // 73 of 365 days from 40 towards 50 (not 45)
    ['2030-12-31', 50],
    ['2031-06-01', 50],
  ])('expectedAt %s = %d', (date, expected) => {
    expect(expectedAt(admitted, TERM, date)).toBeCloseTo(expected, 9);
  });

  it.each<[string, number]>([
    ['2026-12-31', 364 / 1825],
    ['2028-03-01', 790 / 1825],
  ])('milestones outside the term are ignored: linear on %s', (date, share) => {
    const outside = rule({ aggregation: 'cumulative', target: 50, milestones: [{ year: 2025, value: 40 }, { year: 2031, value: 1 }] });
    expect(expectedAt(outside, TERM, date)).toBeCloseTo(50 * share, 9);
  });

  it('a latest indicator runs from its baseline through its milestones', () => {
    const online = rule({ measure: 'percent', baseline: 60, target: 90, milestones: [{ year: 2026, value: 70 }] });
    expect(expectedAt(online, TERM, '2026-07-02')).toBeCloseTo(65, 9);
    expect(expectedAt(online, TERM, '2026-12-31')).toBeCloseTo(70, 9);
  });

  it('a term starting mid-year takes the milestone of its first year', () => {
    const term: TermSpan = { start: '2025-10-15', end: '2030-10-14' };
    const r = rule({ aggregation: 'cumulative', target: 15, milestones: [{ year: 2025, value: 2 }, { year: 2030, value: 14 }] });
    expect(expectedAt(r, term, '2025-12-31')).toBeCloseTo(2, 9);
    expect(expectedAt(r, term, '2030-10-14')).toBe(15); // the 2030 milestone falls after the term's end
  });

  it('status follows the milestone pace, not the straight line', () => {
    // 4 admitted by 2026-12-31: the milestone expects 5 (shortfall 1/50 = 0.02); a straight line would expect 9.97.
    const readings = [reading('2026-05-01', 2), reading('2026-11-01', 2)];
    const p = computeProgress({ rule: admitted, term: TERM, readings, asOf: hcm('2026-12-31T12:00'), timeZone: HCM });
    expect(p.expected).toBeCloseTo(5, 9);
    expect(p.expectedProgress).toBeCloseTo(0.1, 9);
    expect(p.progress).toBeCloseTo(0.08, 9);
    expect(p.status).toBe('on_track');
  });
});

describe('overdue', () => {
  it.each<[string, UpdateFrequency, string]>([
    ['2026-03-02', 'week', '2026-03-09'],
    ['2028-02-26', 'week', '2028-03-04'],
    ['2026-01-15', 'month', '2026-02-15'],
    ['2026-01-31', 'month', '2026-02-28'],
    ['2028-01-31', 'month', '2028-02-29'],
    ['2026-02-28', 'month', '2026-03-31'], // month end stays month end
    ['2028-02-29', 'month', '2028-03-31'],
    ['2026-04-30', 'month', '2026-05-31'],
    ['2026-01-30', 'month', '2026-02-28'], // clamped, not a month end before
    ['2026-03-30', 'month', '2026-04-30'],
    ['2026-03-31', 'quarter', '2026-06-30'],
    ['2026-06-30', 'quarter', '2026-09-30'],
    ['2026-02-15', 'quarter', '2026-05-15'],
    ['2026-02-28', 'quarter', '2026-05-31'],
    ['2026-11-30', 'quarter', '2027-02-28'],
    ['2026-12-31', 'year', '2027-12-31'],
    ['2028-02-29', 'year', '2029-02-28'],
    ['2027-02-28', 'year', '2028-02-29'], // month end stays month end, into a leap year
    ['2026-06-15', 'year', '2027-06-15'],
  ])('nextDueDate(%s, %s) = %s', (since, frequency, due) => {
    expect(nextDueDate(since, frequency)).toBe(due);
  });

  // Overdue from the day after nextDueDate + REPORTING_GRACE_DAYS (week 3, month 10, quarter 15,
  // year 30): each pair is the last day of the grace, then the day after.
  it.each<[UpdateFrequency, string | null, string, boolean]>([
    // week: 2026-03-02 → due 2026-03-09, grace to 2026-03-12
    ['week', '2026-03-02', '2026-03-09', false],
    ['week', '2026-03-02', '2026-03-10', false],
    ['week', '2026-03-02', '2026-03-12', false],
    ['week', '2026-03-02', '2026-03-13', true],
    // week across 29 February: 2028-02-26 → due 2028-03-04, grace to 2028-03-07
    ['week', '2028-02-26', '2028-03-07', false],
    ['week', '2028-02-26', '2028-03-08', true],
    // month: 2026-01-15 → due 2026-02-15, grace to 2026-02-25
    ['month', '2026-01-15', '2026-02-16', false],
    ['month', '2026-01-15', '2026-02-25', false],
    ['month', '2026-01-15', '2026-02-26', true],
    // month: 2026-01-31 → due 2026-02-28, grace to 2026-03-10
    ['month', '2026-01-31', '2026-03-01', false],
    ['month', '2026-01-31', '2026-03-10', false],
    ['month', '2026-01-31', '2026-03-11', true],
    // month ends are sticky: 2026-02-28 → due 2026-03-31 (not the 28th), grace to 2026-04-10
    ['month', '2026-02-28', '2026-03-31', false],
    ['month', '2026-02-28', '2026-04-10', false],
    ['month', '2026-02-28', '2026-04-11', true],
    // 2028-01-31 → due 2028-02-29, grace to 2028-03-10
    ['month', '2028-01-31', '2028-03-10', false],
    ['month', '2028-01-31', '2028-03-11', true],
    // quarter: 2026-03-31 → due 2026-06-30, grace to 2026-07-15
    ['quarter', '2026-03-31', '2026-07-01', false],
    ['quarter', '2026-03-31', '2026-07-15', false],
    ['quarter', '2026-03-31', '2026-07-16', true],
    // 2026-11-30 → due 2027-02-28, grace to 2027-03-15
    ['quarter', '2026-11-30', '2027-03-15', false],
    ['quarter', '2026-11-30', '2027-03-16', true],
    // year: 2026-12-31 → due 2027-12-31, grace to 2028-01-30
    ['year', '2026-12-31', '2028-01-01', false],
    ['year', '2026-12-31', '2028-01-30', false],
    ['year', '2026-12-31', '2028-01-31', true],
    // 2028-02-29 → due 2029-02-28, grace to 2029-03-30
    ['year', '2028-02-29', '2029-03-30', false],
    ['year', '2028-02-29', '2029-03-31', true],
    // no reading yet: counted from the term's start (2026-01-01)
    ['week', null, '2026-01-11', false], // due 01-08 + 3
    ['week', null, '2026-01-12', true],
    ['month', null, '2026-02-11', false], // due 02-01 + 10
    ['month', null, '2026-02-12', true],
    ['quarter', null, '2026-04-16', false], // due 04-01 + 15
    ['quarter', null, '2026-04-17', true],
    ['year', null, '2027-01-31', false], // due 2027-01-01 + 30
    ['year', null, '2027-02-01', true],
    // outside the term: never overdue
    ['week', null, '2025-12-01', false],
    ['week', '2026-01-05', '2031-01-01', false],
    ['year', '2026-01-05', '2035-06-01', false],
    ['week', '2030-12-01', '2030-12-31', true], // the last day still counts (due 12-08, grace to 12-11)
    ['month', '2030-11-15', '2030-12-25', false], // due 12-15, grace to 12-25
    ['month', '2030-11-15', '2030-12-26', true],
    ['month', '2030-11-15', '2031-01-01', false], // the term is over
    ['year', '2029-12-15', '2030-12-31', false], // the grace (to 2031-01-14) outlasts the term
  ])('%s, last reading %s, on %s → %s', (frequency, last, asOfDate, overdue) => {
    expect(isOverdue(frequency, TERM, last, asOfDate)).toBe(overdue);
  });

  it.each<[string, UpdateFrequency, Array<[string, number]>, number, boolean]>([
    // due 1 February, grace to 11 February
    ['monthly, no reading, 11 February late in the evening', 'month', [], hcm('2026-02-11T23:00'), false],
    ['monthly, no reading, 12 February just after midnight in Hà Nội', 'month', [], hcm('2026-02-12T00:30'), true],
    ['monthly, no reading, 12 February in Hà Nội, still 11 February in UTC', 'month', [], Date.parse('2026-02-11T17:30:00Z'), true],
    // due 28 February, grace to 10 March
    ['monthly, January reading dated 31st, on 1 March', 'month', [['2026-01-31', 3]], hcm('2026-03-01T08:00'), false],
    ['monthly, January reading dated 31st, on 10 March', 'month', [['2026-01-31', 3]], hcm('2026-03-10T20:00'), false],
    ['monthly, January reading dated 31st, on 11 March', 'month', [['2026-01-31', 3]], hcm('2026-03-11T08:00'), true],
    // from 2026-03-10: due 03-17, grace to 03-20 (from 2026-02-01 it would be long overdue)
    ['weekly, the newest of several readings counts', 'week', [['2026-03-10', 1], ['2026-02-01', 1]], hcm('2026-03-20T08:00'), false],
    ['weekly, the newest of several readings, the day after the grace', 'week', [['2026-03-10', 1], ['2026-02-01', 1]], hcm('2026-03-21T08:00'), true],
  ])('computeProgress: %s', (_name, updateFrequency, values, asOf, overdue) => {
    const readings = values.map(([date, value]) => reading(date, value));
    expect(computeProgress({ rule: rule({ updateFrequency }), term: TERM, readings, asOf, timeZone: HCM }).overdue).toBe(overdue);
  });
});

describe('the board date is the date in Asia/Ho_Chi_Minh', () => {
  // Target 1825 over 1825 days: the expected value is the number of days since the term's start.
  const daily = rule({ aggregation: 'cumulative', target: 1825 });
  const readings = [
    reading('2026-11-27', 2, { createdAt: Date.parse('2026-11-27T03:00:00Z') }),
    reading('2026-11-28', 1, { createdAt: Date.parse('2026-11-27T17:00:00Z') }), // 00:00 on the 28th in Hà Nội
  ];
  it.each<[string, string, number, string, number]>([
    ['2026-11-27T16:59:59.999Z', HCM, 2, '2026-11-27', 330],
    ['2026-11-27T17:00:00.000Z', HCM, 3, '2026-11-28', 331],
    ['2026-11-27T17:00:00.000Z', 'UTC', 2, '2026-11-27', 330],
  ])('at %s in %s', (instant, timeZone, current, lastReadingDate, expected) => {
    const p = computeProgress({ rule: daily, term: TERM, readings, asOf: Date.parse(instant), timeZone });
    expect(p.current).toBe(current);
    expect(p.lastReadingDate).toBe(lastReadingDate);
    expect(p.expected).toBeCloseTo(expected, 9);
  });
});

describe('progress when the target equals the start value', () => {
  // Met in the indicator's direction (as displayed): 1. Short of it: value / target (increase,
  // maintain) or target / value (decrease); 0 when the target is 0.
  it.each<[string, Partial<IndicatorRule>, number, number, Status]>([
    ['increase, above the target', { baseline: 50, target: 50 }, 51, 1, 'achieved'],
    ['increase, at the target', { baseline: 50, target: 50 }, 50, 1, 'achieved'],
    ['increase, below the target: 45/50', { baseline: 50, target: 50 }, 45, 0.9, 'off_track'],
    ['increase, target 0, below it', { measure: 'number', baseline: 0, target: 0 }, -1, 0, 'off_track'],
    ['decrease, below the target', { direction: 'decrease', baseline: 20, target: 20 }, 18, 1, 'achieved'],
    ['decrease, above the target: 20/21', { direction: 'decrease', baseline: 20, target: 20 }, 21, 20 / 21, 'at_risk'],
    ['decrease, above the target: 20/25', { direction: 'decrease', baseline: 20, target: 20 }, 25, 0.8, 'off_track'],
    ['maintain, at the target', { direction: 'maintain', baseline: 5, target: 5 }, 5, 1, 'achieved'],
    ['maintain, above the target', { direction: 'maintain', baseline: 5, target: 5 }, 6, 1, 'achieved'],
    ['maintain, below the target: 4/5', { direction: 'maintain', baseline: 5, target: 5 }, 4, 0.8, 'off_track'],
    ['maintain 100 %, 95: 0.95', { measure: 'percent', direction: 'maintain', baseline: 100, target: 100 }, 95, 0.95, 'at_risk'],
    ['maintain 100 %, 99.6 shows as 100: met', { measure: 'percent', direction: 'maintain', baseline: 100, target: 100 }, 99.6, 1, 'achieved'],
    ['maintain 100 %, 99.4 shows as 99: 99.4/100', { measure: 'percent', direction: 'maintain', baseline: 100, target: 100 }, 99.4, 0.994, 'at_risk'],
    ['maintain 0, below it', { measure: 'number', direction: 'maintain', baseline: 0, target: 0, decimals: 2 }, -0.05, 0, 'at_risk'],
    ['cumulative ceiling of zero, none', { aggregation: 'cumulative', direction: 'decrease', baseline: 2, target: 0 }, 0, 1, 'on_track'],
    ['cumulative ceiling of zero, one', { aggregation: 'cumulative', direction: 'decrease', baseline: 2, target: 0 }, 1, 0, 'off_track'],
    // A share of a negative target means nothing: none of the way, whatever the sign games give.
    ['increase held at −5, reads −6', { measure: 'number', baseline: -5, target: -5 }, -6, 0, 'off_track'],
    ['decrease held at −5, reads −4', { measure: 'number', direction: 'decrease', baseline: -5, target: -5 }, -4, 0, 'off_track'],
    ['increase to 10, reads −2', { measure: 'number', baseline: 10, target: 10 }, -2, 0, 'off_track'],
  ])('%s', (_name, overrides, value, progress, status) => {
    const p = computeProgress({
      rule: rule(overrides), term: TERM, readings: [reading('2026-03-01', value)], asOf: hcm('2026-03-02T12:00'), timeZone: HCM,
    });
    expect(p.progress).toBeCloseTo(progress, 12);
    expect(p.expectedProgress).toBe(1);
    expect(p.status).toBe(status);
  });
});

describe('monthlySeries', () => {
  const daily = rule({ aggregation: 'cumulative', target: 1825 }); // expected = days since 2026-01-01
  const counts = [reading('2026-01-10', 3), reading('2026-01-31', 2), reading('2026-03-05', 4)];

  function series(r: IndicatorRule, term: TermSpan, readings: ReadingFact[], asOfDate: string) {
    return monthlySeries(r, term, effectiveReadings(readings, term, hcm(`${asOfDate}T23:59`), asOfDate), asOfDate);
  }

  it.each<[string, IndicatorRule, ReadingFact[], string, Array<[string, number | null, number?]>]>([
    ['cumulative count, running month ends at the as-of date', daily, counts, '2026-03-10', [
      ['2026-01-31', 5, 30], ['2026-02-28', 5, 58], ['2026-03-10', 9, 68],
    ]],
    ['no value before the first reading', daily, [reading('2026-02-15', 7)], '2026-03-10', [
      ['2026-01-31', null, 30], ['2026-02-28', 7, 58], ['2026-03-10', 7, 68],
    ]],
    ['as-of date on a month end: no duplicate point', daily, counts, '2026-02-28', [['2026-01-31', 5, 30], ['2026-02-28', 5, 58]]],
    ['as-of date on the term start: one point', daily, counts, '2026-01-01', [['2026-01-01', null, 0]]],
    ['latest ratio: the last reading of each month', rule({ measure: 'ratio', baseline: 60, target: 100 }),
      [reading('2026-01-31', [3, 5]), reading('2026-02-10', [4, 5]), reading('2026-02-20', [9, 10])], '2026-03-10', [
        ['2026-01-31', 60], ['2026-02-28', 90], ['2026-03-10', 90],
      ]],
    ['cumulative ratio: numerators over denominators so far', rule({ measure: 'ratio', aggregation: 'cumulative', target: 100 }),
      [reading('2026-01-31', [3, 5]), reading('2026-02-10', [4, 5])], '2026-03-10', [
        ['2026-01-31', 60], ['2026-02-28', 70], ['2026-03-10', 70],
      ]],
    ['corrections applied, readings after the as-of date left out', daily,
      [reading('2026-01-10', 3, { id: 1 }), reading('2026-01-10', 4, { id: 2, supersedes: 1, createdAt: hcm('2026-02-02T09:00') }), reading('2026-02-05', 1)],
      '2026-02-03', [['2026-01-31', 4, 30], ['2026-02-03', 4, 33]]],
  ])('%s', (_name, r, readings, asOfDate, points) => {
    const s = series(r, TERM, readings, asOfDate);
    expect(s.map((p) => [p.date, p.actual])).toEqual(points.map(([d, a]) => [d, a]));
    points.forEach(([, , expected], i) => {
      if (expected !== undefined) expect(s[i]!.expected).toBeCloseTo(expected, 9);
    });
  });

  it.each<[string, TermSpan, string, number, string, string]>([
    ['a five-year term starting on 1 January', TERM, '2031-06-01', 60, '2026-01-31', '2030-12-31'],
    ['a five-year term starting mid-month', { start: '2025-10-15', end: '2030-10-14' }, '2031-01-01', 61, '2025-10-31', '2030-10-14'],
    ['a running term', TERM, '2026-03-10', 3, '2026-01-31', '2026-03-10'],
  ])('%s: %i points', (_name, term, asOfDate, count, first, last) => {
    const s = monthlySeries(daily, term, [], asOfDate);
    expect(s).toHaveLength(count);
    expect(s[0]!.date).toBe(first);
    expect(s.at(-1)!.date).toBe(last);
    expect(s.length).toBeLessThanOrEqual(61);
    // one point per calendar month, every point but the last on its month's end
    const months = s.map((p) => p.date.slice(0, 7));
    expect(new Set(months).size).toBe(s.length);
    for (const p of s.slice(0, -1)) expect(Number(p.date.slice(8))).toBeGreaterThanOrEqual(28);
  });

  it('walks February of a leap year', () => {
    const term: TermSpan = { start: '2028-01-15', end: '2028-04-14' };
    expect(monthlySeries(daily, term, [], '2028-12-31').map((p) => p.date)).toEqual([
      '2028-01-31', '2028-02-29', '2028-03-31', '2028-04-14',
    ]);
  });

  it('is empty before the term', () => {
    expect(monthlySeries(daily, TERM, [], '2025-12-31')).toEqual([]);
  });

  it.each<[string, IndicatorRule, ReadingFact[]]>([
    ['cumulative count', daily, counts],
    ['latest percent with corrections', rule({ measure: 'percent', baseline: 60, target: 90, decimals: 1 }), [
      reading('2026-01-20', 61.5, { id: 31 }),
      reading('2026-02-10', 63, { id: 32 }),
      reading('2026-02-10', 64, { id: 33, supersedes: 32, createdAt: hcm('2026-02-11T09:00') }),
      reading('2026-04-30', 66),
    ]],
    ['cumulative ratio', rule({ measure: 'ratio', aggregation: 'cumulative', target: 100 }), [
      reading('2026-01-31', [3, 5]), reading('2026-03-15', [4, 5]), reading('2026-03-16', [1, 10]),
    ]],
  ])('%s: each point matches computeProgress at the end of that day', (_name, r, readings) => {
    const asOfDate = '2026-05-20';
    const s = series(r, TERM, readings, asOfDate);
    expect(s.map((p) => p.date)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-20']);
    for (const point of s) {
      const p = computeProgress({ rule: r, term: TERM, readings, asOf: hcm(`${point.date}T23:59`), timeZone: HCM });
      expect(point.actual).toBe(p.current);
      expect(point.expected).toBeCloseTo(p.expected, 12);
    }
  });

  it('hand-checks the latest percent series', () => {
    const r = rule({ measure: 'percent', baseline: 60, target: 90, decimals: 1 });
    const readings = [
      reading('2026-01-20', 61.5, { id: 41 }),
      reading('2026-02-10', 63, { id: 42 }),
      reading('2026-02-10', 64, { id: 43, supersedes: 42, createdAt: hcm('2026-02-11T09:00') }),
      reading('2026-04-30', 66),
    ];
    expect(series(r, TERM, readings, '2026-05-20').map((p) => p.actual)).toEqual([61.5, 64, 64, 66, 66]);
  });
});
