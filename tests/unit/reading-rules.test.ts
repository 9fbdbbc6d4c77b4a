import { describe, expect, it } from 'vitest';
import { readingFieldErrors, readingInputSchema, type ReadingInput } from '../../shared/api/readings';
import type { Measure, TermSpan } from '../../shared/indicator/model';

const TERM: TermSpan = { start: '2026-01-01', end: '2030-12-31' };
const TODAY = '2026-06-15';
const DATE = '2026-06-01';

describe('readingFieldErrors: values by measure', () => {
  it.each<[Measure, Omit<ReadingInput, 'date'>, Record<string, string>]>([
    // count: a non-negative integer
    ['count', { value: 3 }, {}],
    ['count', { value: 0 }, {}],
    ['count', { value: 15 }, {}],
    ['count', { value: 2.5 }, { value: 'not_integer' }],
    ['count', { value: -1 }, { value: 'negative' }],
    ['count', {}, { value: 'required' }],
    ['count', { value: 3, numerator: 3 }, { numerator: 'not_allowed' }],
    ['count', { value: 3, denominator: 5 }, { denominator: 'not_allowed' }],
    // percent: 0–100, decimals allowed
    ['percent', { value: 0 }, {}],
    ['percent', { value: 100 }, {}],
    ['percent', { value: 99.5 }, {}],
    ['percent', { value: 140 }, { value: 'above_100' }],
    ['percent', { value: 100.01 }, { value: 'above_100' }],
    ['percent', { value: -0.5 }, { value: 'negative' }],
    ['percent', {}, { value: 'required' }],
    ['percent', { numerator: 4, denominator: 5 }, { value: 'required', numerator: 'not_allowed', denominator: 'not_allowed' }],
    // number: any finite value
    ['number', { value: -3.75 }, {}],
    ['number', { value: 0 }, {}],
    ['number', { value: 1_250_000.5 }, {}],
    ['number', { value: 140 }, {}],
    ['number', {}, { value: 'required' }],
    // ratio: integers, 0 ≤ numerator ≤ denominator, denominator > 0
    ['ratio', { numerator: 4, denominator: 5 }, {}],
    ['ratio', { numerator: 5, denominator: 5 }, {}],
    ['ratio', { numerator: 0, denominator: 5 }, {}],
    ['ratio', { numerator: 6, denominator: 5 }, { numerator: 'numerator_above_denominator' }],
    ['ratio', { numerator: 1, denominator: 0 }, { denominator: 'denominator_not_positive' }],
    ['ratio', { numerator: 0, denominator: 0 }, { denominator: 'denominator_not_positive' }],
    ['ratio', { numerator: 1, denominator: -2 }, { denominator: 'denominator_not_positive' }],
    ['ratio', { numerator: -1, denominator: 5 }, { numerator: 'negative' }],
    ['ratio', { numerator: 2.5, denominator: 5 }, { numerator: 'not_integer' }],
    ['ratio', { numerator: 3, denominator: 4.5 }, { denominator: 'not_integer' }],
    ['ratio', { denominator: 5 }, { numerator: 'required' }],
    ['ratio', { numerator: 4 }, { denominator: 'required' }],
    ['ratio', { value: 80, numerator: 4, denominator: 5 }, { value: 'not_allowed' }],
    ['ratio', { value: 80 }, { value: 'not_allowed', numerator: 'required', denominator: 'required' }],
  ])('%s %j → %j', (measure, fields, expected) => {
    expect(readingFieldErrors({ date: DATE, ...fields }, measure, TERM, TODAY)).toEqual(expected);
  });
});

describe('readingFieldErrors: dates', () => {
  it.each<[string, string, string, Record<string, string>]>([
    ['the term start', '2026-01-01', TODAY, {}],
    ['today', TODAY, TODAY, {}],
    ['the day before the term', '2025-12-31', TODAY, { date: 'date_before_term' }],
    ['the day after today', '2026-06-16', TODAY, { date: 'date_after_today' }],
    ['the term end, once the term is over', '2030-12-31', '2031-02-01', {}],
    ['the day after the term', '2031-01-01', '2031-02-01', { date: 'date_after_term' }],
    ['after the term and after today: the term wins', '2031-01-01', TODAY, { date: 'date_after_term' }],
    ['a leap day inside the term', '2028-02-29', '2028-03-01', {}],
  ])('%s (%s, today %s)', (_name, date, today, expected) => {
    expect(readingFieldErrors({ date, value: 1 }, 'count', TERM, today)).toEqual(expected);
  });

  it('reports the date and the value together', () => {
    expect(readingFieldErrors({ date: '2025-12-31', value: 140 }, 'percent', TERM, TODAY)).toEqual({
      date: 'date_before_term',
      value: 'above_100',
    });
  });
});

describe('readingInputSchema', () => {
  it.each<[string, Record<string, unknown>]>([
    ['a value', { date: DATE, value: 3 }],
    ['a ratio', { date: DATE, numerator: 4, denominator: 5 }],
    ['a correction with reason', { date: DATE, value: 4, supersedes: 17, reason: 'gõ nhầm', note: 'Quý II', evidence: 'QĐ 123/QĐ-VP' }],
    ['a leap day', { date: '2028-02-29', value: 1 }],
  ])('accepts %s', (_name, input) => {
    const result = readingInputSchema.safeParse(input);
    expect(result.success).toBe(true);
    expect(result.data).toEqual(input);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown field', { date: DATE, value: 3, author: 'x' }, 'unrecognized_keys'],
    ['an id', { date: DATE, value: 3, id: 5 }, 'unrecognized_keys'],
    ['Infinity', { date: DATE, value: Infinity }, 'invalid_type'],
    ['-Infinity', { date: DATE, value: -Infinity }, 'invalid_type'],
    ['NaN', { date: DATE, value: Number.NaN }, 'invalid_type'],
    ['an infinite numerator', { date: DATE, numerator: Infinity, denominator: 5 }, 'invalid_type'],
    ['an infinite denominator', { date: DATE, numerator: 1, denominator: Infinity }, 'invalid_type'],
    ['a value written as text', { date: DATE, value: '5' }, 'invalid_type'],
    ['29 February 2025', { date: '2025-02-29', value: 1 }, 'custom'],
    ['a date-time', { date: '2026-06-01T00:00:00Z', value: 1 }, 'custom'],
    ['no date', { value: 1 }, 'invalid_type'],
    ['supersedes 0', { date: DATE, value: 1, supersedes: 0 }, 'too_small'],
    ['a fractional supersedes', { date: DATE, value: 1, supersedes: 1.5 }, 'invalid_type'],
    ['a note of 2001 characters', { date: DATE, value: 1, note: 'x'.repeat(2001) }, 'too_big'],
    ['evidence of 501 characters', { date: DATE, value: 1, evidence: 'x'.repeat(501) }, 'too_big'],
  ])('refuses %s', (_name, input, code) => {
    const result = readingInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.code)).toContain(code);
  });

  it('accepts a note of exactly 2000 characters', () => {
    expect(readingInputSchema.safeParse({ date: DATE, value: 1, note: 'x'.repeat(2000) }).success).toBe(true);
  });
});
