import { z } from 'zod';
import { isIsoDate } from '../time/dates';
import { AGGREGATIONS, DIRECTIONS, FREQUENCIES, isTermTotal, MEASURES, STATUSES, type Aggregation, type Direction, type Measure, type Status, type UpdateFrequency } from './kinds';

export * from './kinds';


export const isoDateSchema = z.string().refine(isIsoDate, { message: 'expected a calendar date YYYY-MM-DD' });

export const milestoneSchema = z.strictObject({
  year: z.int().min(1900).max(2200),
  value: z.number().finite(),
});
export type Milestone = z.infer<typeof milestoneSchema>;

/**
 * What progress needs to know of an indicator. `baseline` is the value at the start of the term;
 * a term total (a `cumulative` count or number) counts from zero each term and keeps the previous
 * term's total in `baseline` for reference (see docs/domain.md).
 */
export const indicatorRuleSchema = z
  .strictObject({
    measure: z.enum(MEASURES),
    aggregation: z.enum(AGGREGATIONS),
    direction: z.enum(DIRECTIONS),
    baseline: z.number().finite(),
    target: z.number().finite(),
    milestones: z.array(milestoneSchema).max(20),
    updateFrequency: z.enum(FREQUENCIES),
    decimals: z.int().min(0).max(4),
  })
  .superRefine((rule, ctx) => {
    if (rule.measure === 'percent' && rule.aggregation === 'cumulative') {
      // Percentages do not add up: a share of a total over the term is a `ratio` (sum of
      // numerators over sum of denominators).
      ctx.addIssue({ code: 'custom', path: ['aggregation'], message: 'a percent indicator takes its latest reading' });
    }
    if (rule.measure === 'percent' || rule.measure === 'ratio') {
      for (const [key, value] of [['baseline', rule.baseline], ['target', rule.target]] as const) {
        if (value < 0 || value > 100) ctx.addIssue({ code: 'custom', path: [key], message: 'a percentage lies within 0–100' });
      }
    }
    const termTotal = isTermTotal(rule);
    const start = termTotal ? 0 : rule.baseline;
    if (rule.direction === 'increase' && rule.target < start) {
      ctx.addIssue({ code: 'custom', path: ['target'], message: 'an increasing target lies above its starting value' });
    }
    if (rule.direction === 'decrease' && !termTotal && rule.target > rule.baseline) {
      ctx.addIssue({ code: 'custom', path: ['target'], message: 'a decreasing target lies below its baseline' });
    }
    if (termTotal && rule.target < 0) {
      ctx.addIssue({ code: 'custom', path: ['target'], message: 'a term total is not negative' });
    }
    // A value finer than the displayed decimals could never be shown, nor met as shown.
    const fits = (value: number) => Number(value.toFixed(rule.decimals)) === value;
    if (!fits(rule.baseline)) ctx.addIssue({ code: 'custom', path: ['baseline'], message: 'more decimals than the indicator shows' });
    if (!fits(rule.target)) ctx.addIssue({ code: 'custom', path: ['target'], message: 'more decimals than the indicator shows' });
    rule.milestones.forEach((m, i) => {
      if (!fits(m.value)) ctx.addIssue({ code: 'custom', path: ['milestones', i, 'value'], message: 'more decimals than the indicator shows' });
    });
    const years = rule.milestones.map((m) => m.year);
    if (new Set(years).size !== years.length) {
      ctx.addIssue({ code: 'custom', path: ['milestones'], message: 'one milestone per year' });
    }
  });
export type IndicatorRule = z.infer<typeof indicatorRuleSchema>;

export interface TermSpan {
  start: string;
  end: string;
}

export const termSpanSchema = z
  .strictObject({ start: isoDateSchema, end: isoDateSchema })
  .refine((t) => t.start < t.end, { message: 'a term ends after it starts', path: ['end'] });

/** A reading as the progress logic sees it. Corrections point at the reading they replace. */
export interface ReadingFact {
  id: number;
  date: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Epoch milliseconds when the reading was recorded. */
  createdAt: number;
  supersedesId: number | null;
}
