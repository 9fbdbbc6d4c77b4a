import { z } from 'zod';

export const unitDetailSchema = z.object({
  id: z.number(),
  name: z.string(),
  parentId: z.number().nullable(),
  /** Set when merged into another unit: kept as read-only history. */
  mergedIntoId: z.number().nullable(),
  /** Names before renames, newest first, each with the moment it stopped being used. */
  formerNames: z.array(z.object({ name: z.string(), until: z.string() })),
});
export type UnitDetail = z.infer<typeof unitDetailSchema>;
export const unitDetailListSchema = z.object({ units: z.array(unitDetailSchema) });
/** The answer to `POST /api/units/merge`: the unit the others became. */
export const mergedUnitSchema = z.object({ unit: unitDetailSchema });

const unitName = z.string().trim().min(1).max(200);

export const createUnitRequestSchema = z.strictObject({ name: unitName, parentId: z.int().positive().nullable().optional() });

export const updateUnitRequestSchema = z
  .strictObject({ name: unitName.optional(), parentId: z.int().positive().nullable().optional() })
  .refine((patch) => patch.name !== undefined || patch.parentId !== undefined, { message: 'nothing to change' });

/** Several units become one: an existing unit, or a new one. */
export const mergeUnitsRequestSchema = z.strictObject({
  unitIds: z.array(z.int().positive()).min(1).max(50),
  into: z.union([z.strictObject({ unitId: z.int().positive() }), z.strictObject({ name: unitName, parentId: z.int().positive().nullable().optional() })]),
});
export type MergeUnitsRequest = z.infer<typeof mergeUnitsRequestSchema>;
