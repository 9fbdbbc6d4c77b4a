import { z } from 'zod';
import { deliverySchema } from './mail';

export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

export const createExportRequestSchema = z.strictObject({
  /** The moment the board is rendered as of; now when absent. */
  asOf: z.iso.datetime({ offset: true }).optional(),
});

/** The answer to `POST /api/exports`: the export queued, to follow with `GET /api/exports/:id`. */
export const exportRequestedSchema = z.object({ id: z.number() });

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
  /** The export mailed to each report recipient once it finished (none without SMTP_URL). */
  deliveries: z.array(deliverySchema),
});
export type Export = z.infer<typeof exportSchema>;
export const exportListSchema = z.object({ exports: z.array(exportSchema) });
