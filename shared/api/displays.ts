import { z } from 'zod';

export const createDisplayRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
});
export type CreateDisplayRequest = z.infer<typeof createDisplayRequestSchema>;

/** Answer to creating a screen: the token is shown this once and stored only as a hash. */
export const createdDisplaySchema = z.object({
  id: z.number(),
  name: z.string(),
  token: z.string(),
  /** Opens the screen with no login. */
  url: z.string(),
});
export type CreatedDisplay = z.infer<typeof createdDisplaySchema>;

export const ROTATE_SECONDS = { min: 5, max: 600, default: 20 } as const;

export const updateDisplayRequestSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100).optional(),
    rotateSeconds: z.int().min(ROTATE_SECONDS.min).max(ROTATE_SECONDS.max).optional(),
  })
  .refine((patch) => patch.name !== undefined || patch.rotateSeconds !== undefined, { message: 'nothing to change' });
export type UpdateDisplayRequest = z.infer<typeof updateDisplayRequestSchema>;

export const displaySchema = z.object({
  id: z.number(),
  name: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  /** Seconds each page stays on the screen before the next. */
  rotateSeconds: z.number(),
  /** Sockets connected with this screen's token right now; online when above zero. */
  connections: z.number(),
  online: z.boolean(),
  /** When a socket of this screen last connected or disconnected (ISO), null if never. */
  lastSeenAt: z.string().nullable(),
});
export type Display = z.infer<typeof displaySchema>;

/** Answer to a remote command: how many of the screen's sockets it reached. */
export const commandResultSchema = z.object({ delivered: z.number() });

export const displayListSchema = z.object({ displays: z.array(displaySchema) });

/** The path a screen opens; the token travels in the query string. */
export const DISPLAY_PATH = '/display';
