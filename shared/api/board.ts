import { z } from 'zod';
import { AGGREGATIONS, DIRECTIONS, FREQUENCIES, MEASURES, STATUSES, milestoneSchema } from '../indicator/model';

export const seriesPointSchema = z.object({
  date: z.string(),
  actual: z.number().nullable(),
  expected: z.number(),
});

/** One indicator as every screen shows it: definition plus computed progress. */
export const boardIndicatorSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  groupId: z.number(),
  ownerUnit: z.object({ id: z.number(), name: z.string() }),
  measure: z.enum(MEASURES),
  aggregation: z.enum(AGGREGATIONS),
  direction: z.enum(DIRECTIONS),
  /** The unit of measure shown beside values ("%", "đảng viên", "hồ sơ"). */
  unit: z.string(),
  decimals: z.number(),
  updateFrequency: z.enum(FREQUENCIES),
  displayOrder: z.number(),
  baseline: z.number(),
  target: z.number(),
  milestones: z.array(milestoneSchema),
  /** For `ratio`: a percentage, with the counted numerator and denominator beside it. */
  current: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  expected: z.number(),
  progress: z.number().nullable(),
  expectedProgress: z.number(),
  status: z.enum(STATUSES),
  overdue: z.boolean(),
  lastReadingDate: z.string().nullable(),
  /** When the newest reading counted was recorded (ISO date-time), null without readings. */
  updatedAt: z.string().nullable(),
  /** Monthly trend over the term up to the board's date: at most one point a month. */
  series: z.array(seriesPointSchema),
});
export type BoardIndicator = z.infer<typeof boardIndicatorSchema>;

export const boardGroupSchema = z.object({ id: z.number(), name: z.string(), displayOrder: z.number() });
export type BoardGroup = z.infer<typeof boardGroupSchema>;

export const boardSchema = z.object({
  office: z.string(),
  /** The office's logo (public URL), or null. */
  logoUrl: z.string().nullable(),
  /** How screens show by default, unless their link says otherwise (`?lang=`, `?theme=`). */
  defaults: z.object({ lang: z.enum(['vi', 'en']), theme: z.enum(['dark', 'light']) }),
  term: z.object({
    id: z.number(),
    name: z.string(),
    start: z.string(),
    end: z.string(),
    /** Share of the term elapsed on the board's date, 0–1. */
    elapsed: z.number(),
    closed: z.boolean(),
  }),
  /** Number of the last change included: readings, corrections, indicator, group and term edits. */
  seq: z.number(),
  /** The moment the board was computed for (ISO date-time) and its calendar date in `timeZone`. */
  asOf: z.string(),
  date: z.string(),
  timeZone: z.string(),
  groups: z.array(boardGroupSchema),
  indicators: z.array(boardIndicatorSchema),
});
export type Board = z.infer<typeof boardSchema>;

/** `GET /api/board?asOf=<ISO date-time>`: the board as it stood then, from the readings that existed. */
export const boardQuerySchema = z.strictObject({
  asOf: z.iso.datetime({ offset: true }).optional(),
  /** Another term's board (a closed term is history anyone may read); the current one by default. */
  termId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
});
