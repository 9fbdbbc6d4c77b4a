import { z } from 'zod';

export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

export const createExportRequestSchema = z.strictObject({
  /** The moment the board is rendered as of; now when absent. */
  asOf: z.iso.datetime({ offset: true }).optional(),
});

export const exportFileSchema = z.object({ name: z.string(), type: z.enum(['image/png', 'application/pdf']), url: z.string() });

export const exportSchema = z.object({
  id: z.number(),
  kind: z.enum(['scheduled', 'on_demand']),
  status: z.enum(EXPORT_STATUSES),
  error: z.string().optional(),
  asOf: z.string(),
  /** ISO week, e.g. 2026-W48. */
  week: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  files: z.array(exportFileSchema),
});
export type Export = z.infer<typeof exportSchema>;
export const exportListSchema = z.object({ exports: z.array(exportSchema) });
