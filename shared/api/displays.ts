import { z } from 'zod';
import { ROTATE_SECONDS } from '../display/screen';

export { DISPLAY_PATH, PAIRING_ALPHABET, PAIRING_CODE_LENGTH, PAIRING_VALID_MS, ROTATE_SECONDS } from '../display/screen';

/** Longest name a screen may have ("Phòng họp giao ban tầng 3"). */
export const DISPLAY_NAME_MAX = 100;
/** A screen's name, as an admin types it: trimmed, 1 to DISPLAY_NAME_MAX characters. */
const displayNameSchema = z.string().trim().min(1).max(DISPLAY_NAME_MAX);

export const createDisplayRequestSchema = z.strictObject({
  name: displayNameSchema,
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


export const updateDisplayRequestSchema = z
  .strictObject({
    name: displayNameSchema.optional(),
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



/**
 * A code as typed by an admin: spaces, dashes and lower case forgiven (a phone's keyboard). Any
 * other text is simply an unknown code (404, counted as a wrong guess), not a malformed request.
 */
export const pairingCodeSchema = z
  .string()
  .max(32)
  .transform((code) => code.replace(/[\s-]/g, '').toUpperCase());

/** `POST /api/displays/pair`: an admin pairs the screen showing `code` and names it. */
export const pairDisplayRequestSchema = z.strictObject({
  code: pairingCodeSchema,
  name: displayNameSchema,
});
export type PairDisplayRequest = z.input<typeof pairDisplayRequestSchema>;

export const pairedDisplaySchema = z.object({ id: z.number(), name: z.string() });
export type PairedDisplay = z.infer<typeof pairedDisplaySchema>;

/** `POST /api/displays/pairings` (a waiting screen, no login): its code, and the secret it asks about it with. */
export const pairingSchema = z.object({
  code: z.string(),
  /** Sent back as `Authorization: Bearer` when the screen asks whether it has been paired. */
  secret: z.string(),
  expiresAt: z.string(),
});
export type Pairing = z.infer<typeof pairingSchema>;

/** `POST /api/displays/pairings/claim`: the waiting screen asks about its code with its secret. */
export const claimPairingRequestSchema = z.strictObject({ code: pairingCodeSchema, secret: z.string().min(1).max(200) });
export type ClaimPairingRequest = z.input<typeof claimPairingRequestSchema>;

/** The answer to a claim: still waiting, or paired with the screen's own display token (given once). */
export const pairingStateSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('waiting') }),
  z.object({ status: z.literal('paired'), id: z.number(), name: z.string(), token: z.string() }),
]);
export type PairingState = z.infer<typeof pairingStateSchema>;
