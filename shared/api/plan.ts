import { z } from 'zod';
import { AGGREGATIONS, DIRECTIONS, FREQUENCIES, MEASURES, indicatorRuleSchema, isoDateSchema, milestoneSchema } from '../indicator/model';

/** Stable indicator codes: capitals, digits and dashes (`XDD-01`). */
export const indicatorCodeSchema = z.string().trim().min(1).max(20).regex(/^[A-Z0-9][A-Z0-9.-]*$/);

/** The fields of a definition, without defaults: a patch must not fill in what it leaves out. */
const fields = {
  code: indicatorCodeSchema,
  name: z.string().trim().min(1).max(300),
  description: z.string().max(2000),
  groupId: z.int().positive(),
  ownerUnitId: z.int().positive(),
  measure: z.enum(MEASURES),
  aggregation: z.enum(AGGREGATIONS),
  direction: z.enum(DIRECTIONS),
  unit: z.string().trim().max(50),
  baseline: z.number().finite(),
  target: z.number().finite(),
  milestones: z.array(milestoneSchema).max(20),
  updateFrequency: z.enum(FREQUENCIES),
  decimals: z.int().min(0).max(4),
  displayOrder: z.int().min(0).max(100_000),
};

const definitionFields = {
  ...fields,
  description: fields.description.default(''),
  unit: fields.unit.default(''),
  milestones: fields.milestones.default([]),
  decimals: fields.decimals.default(0),
  displayOrder: fields.displayOrder.optional(),
};

type Definition = z.infer<z.ZodObject<typeof definitionFields>>;

/** The progress rule of a definition must hold too (ranges, directions, decimals: shared/indicator/model). */
function checkRule(definition: Definition, ctx: z.RefinementCtx): void {
  const { measure, aggregation, direction, baseline, target, milestones, updateFrequency, decimals } = definition;
  const rule = indicatorRuleSchema.safeParse({ measure, aggregation, direction, baseline, target, milestones, updateFrequency, decimals });
  if (!rule.success) for (const issue of rule.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
}

export const indicatorDefinitionSchema = z.strictObject(definitionFields).superRefine(checkRule);
export type IndicatorDefinition = z.infer<typeof indicatorDefinitionSchema>;

/** A change of some fields; the whole definition after it is checked again. */
export const indicatorPatchSchema = z
  .strictObject(Object.fromEntries(Object.entries(fields).map(([key, schema]) => [key, schema.optional()])) as {
    [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]>;
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'nothing to change' });

export const groupRequestSchema = z.strictObject({ name: z.string().trim().min(1).max(200) });
export const groupOrderSchema = z.strictObject({ groupIds: z.array(z.int().positive()).min(1).max(200) });

export const termSchema = z.object({
  id: z.number(),
  name: z.string(),
  start: z.string(),
  end: z.string(),
  current: z.boolean(),
  closed: z.boolean(),
  previousTermId: z.number().nullable(),
});
export type Term = z.infer<typeof termSchema>;
export const termListSchema = z.object({ terms: z.array(termSchema) });

export const createTermRequestSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    start: isoDateSchema,
    end: isoDateSchema,
    /** Carry the groups and indicators of this term over: baselines become its final values. */
    carryOverFrom: z.int().positive().optional(),
    /** New targets by indicator code, for the indicators carried over. */
    targets: z.record(indicatorCodeSchema, z.number().finite()).optional(),
  })
  .refine((t) => t.start < t.end, { message: 'a term ends after it starts', path: ['end'] })
  .refine((t) => t.targets === undefined || t.carryOverFrom !== undefined, { message: 'targets come with carryOverFrom', path: ['targets'] });
export type CreateTermRequest = z.infer<typeof createTermRequestSchema>;
