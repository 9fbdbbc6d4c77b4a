/** The one source of "now" on the server; tests pass a fixed or advancing clock. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
