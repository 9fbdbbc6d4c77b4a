import { zoneOffset } from '../../../../shared/time/dates';

/**
 * The "as of" field is a `datetime-local` input: a wall-clock time with no zone. It is read as
 * the office's time (the board's zone), not the time of the computer the form is filled on.
 */

const WALL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** `2026-11-30T07:00` in `timeZone` as an ISO instant; null when the value is not such a time. */
export function wallTimeToIso(value: string, timeZone: string): string | null {
  if (!WALL_TIME.test(value)) return null;
  const wall = Date.parse(`${value.length === 16 ? `${value}:00` : value}Z`);
  if (Number.isNaN(wall)) return null;
  // Twice: the offset at the guess may differ from the offset at the answer across a DST change.
  const guess = wall - zoneOffset(wall, timeZone);
  return new Date(wall - zoneOffset(guess, timeZone)).toISOString();
}

/** The wall-clock time of an instant in `timeZone`, as a `datetime-local` value (to the minute). */
export function wallTimeOf(instant: number, timeZone: string): string {
  return new Date(instant + zoneOffset(instant, timeZone)).toISOString().slice(0, 16);
}
