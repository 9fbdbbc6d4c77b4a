import { describe, expect, it } from 'vitest';
import {
  AGGREGATIONS,
  DIRECTIONS,
  MEASURES,
  indicatorRuleSchema,
  termSpanSchema,
  type Aggregation,
  type Direction,
  type IndicatorRule,
  type Measure,
} from '../../shared/indicator/model';

function rule(overrides: Partial<IndicatorRule>): IndicatorRule {
  return {
    measure: 'count',
    aggregation: 'latest',
    direction: 'increase',
    baseline: 10,
    target: 50,
    milestones: [],
    updateFrequency: 'month',
    decimals: 0,
    ...overrides,
  };
}

/** Messages of the issues zod reports, keyed by path. */
function issues(input: unknown): Record<string, string> {
  const result = indicatorRuleSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

/** A target that is valid for the direction with baseline 10 (start 0 for a cumulative count or number). */
const TARGET_FOR: Record<Direction, number> = { increase: 50, decrease: 5, maintain: 10 };

const combinations: Array<[Measure, Aggregation, Direction]> = MEASURES.flatMap((m) =>
  AGGREGATIONS.flatMap((a) => DIRECTIONS.map((d) => [m, a, d] as [Measure, Aggregation, Direction])),
);

describe('indicatorRuleSchema: every measure × aggregation × direction', () => {
  it('covers 4 × 2 × 3 = 24 combinations', () => {
    expect(combinations).toHaveLength(24);
  });

  it.each(combinations)('%s × %s × %s', (measure, aggregation, direction) => {
    const input = rule({ measure, aggregation, direction, target: TARGET_FOR[direction] });
    const result = indicatorRuleSchema.safeParse(input);
    if (measure === 'percent' && aggregation === 'cumulative') {
      // Percentages do not add up: the schema refuses them whatever the direction.
      expect(result.success).toBe(false);
      expect(issues(input)).toEqual({ aggregation: 'a percent indicator takes its latest reading' });
    } else {
      expect(result.success).toBe(true);
      expect(result.data).toEqual(input);
    }
  });
});

describe('indicatorRuleSchema: invalid rules', () => {
  it.each<[string, Partial<IndicatorRule> & Record<string, unknown>, Record<string, string>]>([
    ['increasing target below the baseline (latest)', { baseline: 60, target: 50 }, { target: 'an increasing target lies above its starting value' }],
    ['increasing cumulative target below zero', { aggregation: 'cumulative', baseline: 60, target: -1 }, {
      target: 'a term total is not negative',
    }],
    ['decreasing latest target above the baseline', { direction: 'decrease', baseline: 10, target: 11 }, {
      target: 'a decreasing target lies below its baseline',
    }],
    ['decreasing cumulative ceiling below zero', { direction: 'decrease', aggregation: 'cumulative', target: -1 }, {
      target: 'a term total is not negative',
    }],
    ['cumulative ratio (a level) with increasing target below its baseline', { measure: 'ratio', aggregation: 'cumulative', baseline: 80, target: 70 }, {
      target: 'an increasing target lies above its starting value',
    }],
    ['cumulative ratio (a level) with decreasing target above its baseline', { measure: 'ratio', aggregation: 'cumulative', direction: 'decrease', baseline: 10, target: 12 }, {
      target: 'a decreasing target lies below its baseline',
    }],
    ['percent target above 100', { measure: 'percent', baseline: 90, target: 101 }, { target: 'a percentage lies within 0–100' }],
    ['percent baseline below 0', { measure: 'percent', baseline: -1, target: 50 }, { baseline: 'a percentage lies within 0–100' }],
    ['ratio target above 100', { measure: 'ratio', aggregation: 'cumulative', target: 120 }, { target: 'a percentage lies within 0–100' }],
    ['two milestones for one year', { milestones: [{ year: 2027, value: 20 }, { year: 2027, value: 30 }] }, {
      milestones: 'one milestone per year',
    }],
    // no more decimals than the indicator shows
    ['target 99.55 with 1 decimal', { measure: 'percent', baseline: 90, target: 99.55, decimals: 1 }, {
      target: 'more decimals than the indicator shows',
    }],
    ['target 50.5 with 0 decimals', { target: 50.5 }, { target: 'more decimals than the indicator shows' }],
    ['baseline 10.25 with 1 decimal', { measure: 'number', baseline: 10.25, target: 50, decimals: 1 }, {
      baseline: 'more decimals than the indicator shows',
    }],
    ['negative baseline −0.5 with 0 decimals', { measure: 'number', baseline: -0.5, target: 50 }, {
      baseline: 'more decimals than the indicator shows',
    }],
    ['target 0.00001 with 4 decimals', { measure: 'number', baseline: 0, target: 0.00001, decimals: 4 }, {
      target: 'more decimals than the indicator shows',
    }],
    ['second milestone 20.5 with 0 decimals', { milestones: [{ year: 2026, value: 20 }, { year: 2027, value: 20.5 }] }, {
      'milestones.1.value': 'more decimals than the indicator shows',
    }],
    ['baseline, target and milestone all too fine', { measure: 'number', baseline: 1.25, target: 2.75, decimals: 1, milestones: [{ year: 2027, value: 2.05 }] }, {
      baseline: 'more decimals than the indicator shows',
      target: 'more decimals than the indicator shows',
      'milestones.0.value': 'more decimals than the indicator shows',
    }],
  ])('%s', (_name, overrides, expected) => {
    expect(issues(rule(overrides))).toEqual(expected);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['unknown field (reported on the object itself)', { unit: '%' }, ''],
    ['decimals above 4', { decimals: 5 }, 'decimals'],
    ['fractional decimals', { decimals: 1.5 }, 'decimals'],
    ['infinite target', { target: Infinity }, 'target'],
    ['NaN baseline', { baseline: Number.NaN }, 'baseline'],
    ['fractional milestone year', { milestones: [{ year: 2027.5, value: 1 }] }, 'milestones.0.year'],
    ['milestone with an unknown field', { milestones: [{ year: 2027, value: 1, note: 'x' }] }, 'milestones.0'],
    ['unknown measure', { measure: 'money' }, 'measure'],
    ['unknown frequency', { updateFrequency: 'day' }, 'updateFrequency'],
  ])('%s is refused', (_name, overrides, path) => {
    const result = indicatorRuleSchema.safeParse({ ...rule({}), ...overrides });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('names the unknown field', () => {
    const result = indicatorRuleSchema.safeParse({ ...rule({}), unit: '%' });
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['unit'] })]);
  });

  it.each<[string, Partial<IndicatorRule>]>([
    ['percent at 0 and 100', { measure: 'percent', baseline: 0, target: 100 }],
    ['maintain with a target different from the baseline', { direction: 'maintain', baseline: 90, target: 100 }],
    ['increase with target equal to baseline', { baseline: 50, target: 50 }],
    ['cumulative increase below the previous term total', { aggregation: 'cumulative', baseline: 60, target: 15 }],
    ['cumulative number ceiling above the previous term total', { measure: 'number', aggregation: 'cumulative', direction: 'decrease', baseline: 3, target: 8 }],
    ['cumulative decrease ceiling of zero', { aggregation: 'cumulative', direction: 'decrease', baseline: 3, target: 0 }],
    ['milestones of different years', { milestones: [{ year: 2027, value: 20 }, { year: 2026, value: 10 }] }],
    ['target 99.5 with 1 decimal', { measure: 'percent', baseline: 90, target: 99.5, decimals: 1 }],
    ['target 99.55 with 2 decimals', { measure: 'percent', baseline: 90, target: 99.55, decimals: 2 }],
    ['target 99.5 with 2 decimals (fewer decimals than shown)', { measure: 'percent', baseline: 90, target: 99.5, decimals: 2 }],
    ['baseline 10.25 and milestone 20.75 with 2 decimals', { measure: 'number', baseline: 10.25, target: 50, decimals: 2, milestones: [{ year: 2027, value: 20.75 }] }],
    ['target 0.0001 with 4 decimals', { measure: 'number', baseline: 0, target: 0.0001, decimals: 4 }],
    ['negative baseline −0.5 with 1 decimal', { measure: 'number', baseline: -0.5, target: 50, decimals: 1 }],
  ])('%s is accepted', (_name, overrides) => {
    expect(indicatorRuleSchema.safeParse(rule(overrides)).success).toBe(true);
  });
});

describe('termSpanSchema', () => {
  it.each([
    [{ start: '2025-10-15', end: '2030-10-14' }, true],
    [{ start: '2028-02-29', end: '2033-02-28' }, true],
    [{ start: '2026-01-01', end: '2026-01-01' }, false],
    [{ start: '2027-01-01', end: '2026-01-01' }, false],
    [{ start: '2025-02-29', end: '2030-01-01' }, false],
    [{ start: '2026-01-01', end: '2030-12-31', name: 'x' }, false],
  ])('%j → %s', (term, ok) => {
    expect(termSpanSchema.safeParse(term).success).toBe(ok);
  });
});
