import { and, eq, gt, isNotNull, lte } from 'drizzle-orm';
import type { Database } from '../db/database';

export interface PairingRow {
  code: string;
  secretHash: string;
  expiresAt: number;
  displayId: number | null;
}

/**
 * Screens waiting to be paired (table display_pairings) and admins' wrong codes
 * (pairing_wrong_codes). Every write runs in a transaction, the caller's when there is one.
 */
export class PairingRepository {
  constructor(private readonly db: Database) {}

  /** Runs `work` in one write transaction (see Database.transaction). */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** Deletes the pairings expired at `now` (their screens have asked for new codes). */
  sweep(now: number): Promise<void> {
    const { displayPairings } = this.db.tables;
    return this.db.transaction(async () => {
      await this.db.orm.delete(displayPairings).where(lte(displayPairings.expiresAt, now));
    });
  }

  /** Pairings not swept yet. */
  count(): Promise<number> {
    return this.db.orm.$count(this.db.tables.displayPairings);
  }

  /** Adds a waiting screen; false when its code is taken by a pairing not swept yet. */
  insert(input: { code: string; secretHash: string; expiresAt: number }): Promise<boolean> {
    const { displayPairings } = this.db.tables;
    return this.db.transaction(async () => {
      const rows = await this.db.orm.insert(displayPairings).values(input).onConflictDoNothing().returning({ code: displayPairings.code });
      return rows.length === 1;
    });
  }

  /** The pairing of `code` still valid at `now`. */
  async find(code: string, now: number): Promise<PairingRow | undefined> {
    const { displayPairings: p } = this.db.tables;
    const rows = await this.db.orm
      .select({ code: p.code, secretHash: p.secretHash, expiresAt: p.expiresAt, displayId: p.displayId })
      .from(p)
      .where(and(eq(p.code, code), gt(p.expiresAt, now)))
      .limit(1);
    return rows[0];
  }

  /** Takes the code for an admin: true for the one caller that found it valid and unclaimed. */
  claim(code: string, now: number): Promise<boolean> {
    const { displayPairings: p } = this.db.tables;
    return this.db.transaction(async () => {
      const rows = await this.db.orm
        .update(p)
        .set({ claimed: true })
        .where(and(eq(p.code, code), eq(p.claimed, false), gt(p.expiresAt, now)))
        .returning({ code: p.code });
      return rows.length === 1;
    });
  }

  /** Records the display a claimed code was paired to: its screen takes the token next. */
  paired(code: string, displayId: number): Promise<void> {
    const { displayPairings: p } = this.db.tables;
    return this.db.transaction(async () => {
      await this.db.orm.update(p).set({ displayId }).where(eq(p.code, code));
    });
  }

  /** Deletes the paired pairing of `code` and this secret, and answers its display; undefined when another request took it first. */
  take(code: string, secretHash: string): Promise<number | undefined> {
    const { displayPairings: p } = this.db.tables;
    return this.db.transaction(async () => {
      const rows = await this.db.orm
        .delete(p)
        .where(and(eq(p.code, code), eq(p.secretHash, secretHash), isNotNull(p.displayId)))
        .returning({ displayId: p.displayId });
      return rows[0]?.displayId ?? undefined;
    });
  }

  /** Wrong codes `userId` typed after `since`. */
  wrongCodes(userId: number, since: number): Promise<number> {
    const { pairingWrongCodes: w } = this.db.tables;
    return this.db.orm.$count(w, and(eq(w.userId, userId), gt(w.at, since)));
  }

  /** Records a wrong code; rows of anyone's from before `forgetBefore` are deleted on the way. */
  addWrongCode(userId: number, now: number, forgetBefore: number): Promise<void> {
    const { pairingWrongCodes: w } = this.db.tables;
    return this.db.transaction(async () => {
      await this.db.orm.delete(w).where(lte(w.at, forgetBefore));
      await this.db.orm.insert(w).values({ userId, at: now });
    });
  }
}
