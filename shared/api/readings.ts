import { z } from 'zod';
import { isoDateSchema, type Measure, type TermSpan } from '../indicator/model';
import { boardIndicatorSchema } from './board';

export const NOTE_MAX = 2000;
export const EVIDENCE_MAX = 500;

/**
 * A reading as a client sends it: `value`, or `numerator` and `denominator` for `ratio`
 * indicators. Unknown fields are refused. Which of the two shapes applies, and the ranges, depend
 * on the indicator: see `readingFieldErrors`.
 */
export const readingInputSchema = z.strictObject({
  date: isoDateSchema,
  value: z.number().finite().optional(),
  numerator: z.number().finite().optional(),
  denominator: z.number().finite().optional(),
  note: z.string().max(NOTE_MAX).optional(),
  evidence: z.string().max(EVIDENCE_MAX).optional(),
  /** Id of the reading this one corrects; the corrected reading stays, marked as superseded. */
  supersedes: z.int().positive().optional(),
  /** Why a correction was made. */
  reason: z.string().max(NOTE_MAX).optional(),
});
export type ReadingInput = z.infer<typeof readingInputSchema>;

/** Stable codes of what can be wrong with a reading's fields (shown translated in the UI). */
export type ReadingFieldError =
  | 'required'
  | 'not_allowed'
  | 'not_integer'
  | 'negative'
  | 'above_100'
  | 'denominator_not_positive'
  | 'numerator_above_denominator'
  | 'date_before_term'
  | 'date_after_term'
  | 'date_after_today';

/**
 * The rules a reading must meet for its indicator's measure and term, beyond its shape:
 * `count` a non-negative integer, `percent` 0–100, `number` finite, `ratio` integers with
 * 0 ≤ numerator ≤ denominator and denominator > 0; the date within the term and not after
 * `today` (the board's date). Returns field → error code; empty when the reading is acceptable.
 */
export function readingFieldErrors(
  input: ReadingInput,
  measure: Measure,
  term: TermSpan,
  today: string,
): Record<string, ReadingFieldError> {
  const errors: Record<string, ReadingFieldError> = {};
  if (input.date < term.start) errors.date = 'date_before_term';
  else if (input.date > term.end) errors.date = 'date_after_term';
  else if (input.date > today) errors.date = 'date_after_today';

  if (measure === 'ratio') {
    if (input.value !== undefined) errors.value = 'not_allowed';
    const { numerator, denominator } = input;
    if (numerator === undefined) errors.numerator = 'required';
    else if (!Number.isInteger(numerator)) errors.numerator = 'not_integer';
    else if (numerator < 0) errors.numerator = 'negative';
    if (denominator === undefined) errors.denominator = 'required';
    else if (!Number.isInteger(denominator)) errors.denominator = 'not_integer';
    else if (denominator <= 0) errors.denominator = 'denominator_not_positive';
    if (!errors.numerator && !errors.denominator && numerator! > denominator!) {
      errors.numerator = 'numerator_above_denominator';
    }
    return errors;
  }
  if (input.numerator !== undefined) errors.numerator = 'not_allowed';
  if (input.denominator !== undefined) errors.denominator = 'not_allowed';
  const { value } = input;
  if (value === undefined) errors.value = 'required';
  else if (measure === 'count' && !Number.isInteger(value)) errors.value = 'not_integer';
  else if ((measure === 'count' || measure === 'percent') && value < 0) errors.value = 'negative';
  else if (measure === 'percent' && value > 100) errors.value = 'above_100';
  return errors;
}

export const readingSchema = z.object({
  id: z.number(),
  indicatorId: z.number(),
  date: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  note: z.string(),
  evidence: z.string(),
  author: z.object({ kind: z.enum(['user', 'token', 'system']), id: z.number().nullable(), name: z.string() }),
  /** ISO date-time the reading was recorded. */
  createdAt: z.string(),
  supersedesId: z.number().nullable(),
  supersededById: z.number().nullable(),
  /** True for a correction (a revision of an earlier reading). */
  correction: z.boolean(),
  reason: z.string(),
});
export type Reading = z.infer<typeof readingSchema>;

export const readingsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
  before: z.coerce.number().int().positive().optional(),
});

export const readingsPageSchema = z.object({ readings: z.array(readingSchema) });

/** The answer to `POST /api/indicators/:id/readings`: the reading, the indicator as on the board right after it, the change's `seq`. */
export const recordedReadingSchema = z.object({ reading: readingSchema, indicator: boardIndicatorSchema, seq: z.number() });
export type RecordedReading = z.infer<typeof recordedReadingSchema>;

/** Readings one `POST /api/readings` may carry: all of them are written, or none. */
export const BATCH_MAX_READINGS = 10_000;

/** A reading of a batch: as `readingInputSchema` (no corrections), naming its indicator by `code` or `indicatorId`. */
export const batchReadingSchema = z
  .strictObject({
    code: z.string().trim().min(1).max(50).optional(),
    indicatorId: z.int().positive().optional(),
    ...readingInputSchema.pick({ date: true, value: true, numerator: true, denominator: true, note: true, evidence: true }).shape,
  })
  .refine((reading) => (reading.code === undefined) !== (reading.indicatorId === undefined), { message: 'name the indicator by code or indicatorId', path: ['code'] });
export type BatchReading = z.infer<typeof batchReadingSchema>;

export const readingsBatchSchema = z.strictObject({ readings: z.array(batchReadingSchema).min(1).max(BATCH_MAX_READINGS) });
export type ReadingsBatch = z.infer<typeof readingsBatchSchema>;

/** `imported`: readings written (a reading equal to one already there is skipped, as in imports); `seq`: the board's last change. */
export const readingsBatchResultSchema = z.object({ imported: z.number(), seq: z.number() });
export type ReadingsBatchResult = z.infer<typeof readingsBatchResultSchema>;
