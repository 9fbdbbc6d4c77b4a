import { and, eq, inArray, like, lt, notLike } from 'drizzle-orm';
import type { Database } from '../db/database';

export interface AttemptCount {
  failures: number;
  lastAt: number;
}

/**
 * Login failure counters and known addresses (table login_attempts): one row a key. Every write
 * runs in a transaction, the caller's when there is one.
 */
export class LoginAttemptsRepository {
  constructor(private readonly db: Database) {}

  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async counts(keys: string[]): Promise<Map<string, AttemptCount>> {
    const { loginAttempts } = this.db.tables;
    const rows = await this.db.orm.select().from(loginAttempts).where(inArray(loginAttempts.key, keys));
    return new Map(rows.map((row) => [row.key, { failures: row.failures, lastAt: row.lastAt }]));
  }

  /**
   * Adds one failure to each key (a count older than `resetBefore` starts again from one) and
   * returns the new counts; rows quiet since `resetBefore` are pruned on the way.
   */
  addFailure(keys: string[], now: number, resetBefore: number): Promise<Map<string, number>> {
    const { loginAttempts } = this.db.tables;
    return this.db.transaction(async () => {
      await this.db.orm.delete(loginAttempts).where(and(lt(loginAttempts.lastAt, resetBefore), notLike(loginAttempts.key, 'known:%')));
      const counts = new Map<string, number>();
      for (const key of keys) {
        const [row] = await this.db.orm.select().from(loginAttempts).where(eq(loginAttempts.key, key)).limit(1);
        const failures = (row?.failures ?? 0) + 1;
        await this.db.orm.insert(loginAttempts).values({ key, failures, lastAt: now }).onConflictDoUpdate({ target: loginAttempts.key, set: { failures, lastAt: now } });
        counts.set(key, failures);
      }
      return counts;
    });
  }

  /** Takes one failure back from each key (the attempt it was counted for succeeded). */
  forgiveFailure(keys: string[]): Promise<void> {
    const { loginAttempts } = this.db.tables;
    return this.db.transaction(async () => {
      for (const key of keys) {
        const [row] = await this.db.orm.select().from(loginAttempts).where(eq(loginAttempts.key, key)).limit(1);
        if (row && row.failures > 0) await this.db.orm.update(loginAttempts).set({ failures: row.failures - 1 }).where(eq(loginAttempts.key, key));
      }
    });
  }

  clear(key: string): Promise<void> {
    const { loginAttempts } = this.db.tables;
    return this.db.transaction(async () => {
      await this.db.orm.delete(loginAttempts).where(eq(loginAttempts.key, key));
    });
  }

  /** Records a sign-in from an address (kept while `forgetBefore` has not passed it). */
  markKnown(key: string, now: number, forgetBefore: number): Promise<void> {
    const { loginAttempts } = this.db.tables;
    return this.db.transaction(async () => {
      await this.db.orm.delete(loginAttempts).where(and(like(loginAttempts.key, 'known:%'), lt(loginAttempts.lastAt, forgetBefore)));
      await this.db.orm.insert(loginAttempts).values({ key, failures: 0, lastAt: now }).onConflictDoUpdate({ target: loginAttempts.key, set: { lastAt: now } });
    });
  }
}
