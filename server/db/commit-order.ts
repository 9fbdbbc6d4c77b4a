import { committedCallback } from './database';

/**
 * Runs the `committed` callbacks of write transactions in the order they took the write lock,
 * which is their commit order. On PostgreSQL the answers to two COMMITs can reach this process
 * the other way round: the lock is released inside the first COMMIT, before its answer is sent,
 * and a busy server may run the whole next transaction on another connection before it sends it.
 * Screens would then be told of seq N + 1 before N (docs/decisions.md, "Callbacks in commit order").
 *
 * A transaction takes a ticket once it holds the lock, and gives it back when it has ended,
 * with its callbacks if it committed: those run once every earlier ticket has been given back.
 */
export class CommitOrder {
  private nextTicket = 0;
  private nextToRun = 0;
  private readonly ended = new Map<number, { callbacks: ReadonlyArray<() => void>; ran: () => void }>();

  /** Call as soon as the transaction holds the write lock. */
  take(): number {
    return this.nextTicket++;
  }

  /**
   * The transaction of `ticket` has ended: committed with `callbacks`, or rolled back with none.
   * Resolves once they have run.
   */
  end(ticket: number, callbacks: ReadonlyArray<() => void> = []): Promise<void> {
    return new Promise((ran) => {
      this.ended.set(ticket, { callbacks, ran });
      for (let next = this.ended.get(this.nextToRun); next; next = this.ended.get(this.nextToRun)) {
        this.ended.delete(this.nextToRun++);
        for (const callback of next.callbacks) committedCallback(callback);
        next.ran();
      }
    });
  }
}
