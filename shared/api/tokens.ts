import { z } from 'zod';

/** Integration tokens (the one-stop-shop system, the document system), scoped for writes. */
export const createApiTokenRequestSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    unitIds: z.array(z.int().positive()).max(100).default([]),
    indicatorIds: z.array(z.int().positive()).max(1000).default([]),
  })
  .refine((r) => r.unitIds.length + r.indicatorIds.length > 0, { message: 'scope at least one unit or indicator', path: ['unitIds'] });
export type CreateApiTokenRequest = z.infer<typeof createApiTokenRequestSchema>;

export const apiTokenSchema = z.object({
  id: z.number(),
  name: z.string(),
  unitIds: z.array(z.number()),
  indicatorIds: z.array(z.number()),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;
export const apiTokenListSchema = z.object({ tokens: z.array(apiTokenSchema) });

/** The token itself (`tba_…`) is in this answer only; it is stored as a hash. */
export const createdApiTokenSchema = apiTokenSchema.extend({ token: z.string() });
