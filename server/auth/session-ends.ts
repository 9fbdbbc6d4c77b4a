/** Whom a session end concerns: one session (by the hash of its token), or every session of a user. */
export type SessionEnd = { sessionId: string } | { userId: number };

/**
 * Tells whoever holds something opened under a session (the sockets: realtime/socket-governance)
 * that sessions have ended. Called once the change has committed: a listener may act at once.
 */
export class SessionEnds {
  private readonly listeners: Array<(end: SessionEnd) => void> = [];

  subscribe(listener: (end: SessionEnd) => void): void {
    this.listeners.push(listener);
  }

  ended(end: SessionEnd): void {
    for (const listener of this.listeners) listener(end);
  }
}
