import { z } from 'zod';

/** Columns of a plan file (XLSX or CSV, the first row the header); the template has them. */
export const PLAN_COLUMNS = [
  'group',
  'code',
  'name',
  'description',
  'owner_unit',
  'measure',
  'aggregation',
  'direction',
  'unit',
  'baseline',
  'target',
  'frequency',
  'decimals',
  'milestones',
] as const;

export const planImportRowSchema = z.object({
  row: z.number(),
  code: z.string(),
  name: z.string(),
  group: z.string(),
  ownerUnit: z.string(),
  measure: z.string(),
  aggregation: z.string(),
  direction: z.string(),
  unit: z.string(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  updateFrequency: z.string(),
  decimals: z.number().nullable(),
  milestones: z.array(z.object({ year: z.number(), value: z.number() })),
  status: z.enum(['new', 'error']),
  errors: z.record(z.string(), z.string()),
});
export type PlanImportRow = z.infer<typeof planImportRowSchema>;

export const planImportPreviewSchema = z.object({
  id: z.number(),
  fileName: z.string(),
  rows: z.array(planImportRowSchema),
  counts: z.object({ new: z.number(), error: z.number() }),
});
export type PlanImportPreview = z.infer<typeof planImportPreviewSchema>;

export const planImportResultSchema = z.object({ imported: z.number(), groupsCreated: z.number() });
export type PlanImportResult = z.infer<typeof planImportResultSchema>;
