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

export const displaySchema = z.object({
  id: z.number(),
  name: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  /** Sockets connected with this screen's token right now. */
  connections: z.number(),
});
export type Display = z.infer<typeof displaySchema>;

export const displayListSchema = z.object({ displays: z.array(displaySchema) });

/** The path a screen opens; the token travels in the query string. */
export const DISPLAY_PATH = '/display';
