import { z } from 'zod';

/** Present only when the node runs with NODE_NAME: which node answered, behind a load balancer. */
const nodeName = z.string().optional();

/** `GET /api/health` (anyone): the database opened, migrated and read back. */
export const healthSchema = z.object({
  status: z.literal('ok'),
  time: z.string(),
  node: nodeName,
  database: z.enum(['sqlite', 'postgres']),
  /** Only with REDIS_URL; Redis away leaves the node serving its own screens. */
  redis: z.enum(['ok', 'unreachable']).optional(),
});
export type Health = z.infer<typeof healthSchema>;

/** `503` while the board's tables cannot be read: load balancers take the node out of rotation. */
export const healthUnavailableSchema = z
  .object({
    status: z.literal('unavailable'),
    time: z.string(),
    node: nodeName,
    database: z.literal('unreadable'),
  })
  .describe('The database cannot be read: take the node out of rotation');
