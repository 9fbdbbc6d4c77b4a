/**
 * A screen's constants, apart from the API's schemas (shared/api/displays.ts re-exports them): the
 * display route's bundle carries these without zod.
 */

/** The path a screen opens; the token travels in the query string. */
export const DISPLAY_PATH = '/display';

/** Seconds each page stays on a screen: the least, the most, and the default. */
export const ROTATE_SECONDS = { min: 5, max: 600, default: 20 } as const;

/** The characters of a pairing code: no 0/O or 1/I, which read alike across a room. */
export const PAIRING_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const PAIRING_CODE_LENGTH = 6;
/** How long a pairing code is valid; the waiting screen asks for a new one before then. */
export const PAIRING_VALID_MS = 10 * 60_000;
