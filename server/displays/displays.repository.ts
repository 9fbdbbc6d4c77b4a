import { and, desc, eq, isNull } from 'drizzle-orm';
import { single, type Database, type Tables } from '../db/database';
import type * as schema from '../db/schema';

function displayColumns({ accessTokens }: Tables) {
  return {
    id: accessTokens.id,
    name: accessTokens.name,
    createdAt: accessTokens.createdAt,
    revokedAt: accessTokens.revokedAt,
    lastSeenAt: accessTokens.lastSeenAt,
    rotateSeconds: accessTokens.rotateSeconds,
  };
}

export type DisplayRow = { [K in keyof ReturnType<typeof displayColumns>]: (typeof schema.accessTokens.$inferSelect)[K] };

/**
 * Display screens: access tokens of kind `display`. Every write runs in a transaction: the
 * caller's when there is one (it joins it), else one of its own.
 */
export class DisplaysRepository {
  constructor(private readonly db: Database) {}

  /** Runs `work` in one write transaction (see Database.transaction). */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  create(input: { name: string; tokenHash: string; createdByUserId: number; now: number }): Promise<number> {
    const { accessTokens } = this.db.tables;
    return this.db.transaction(async () => {
      const rows = await this.db.orm
        .insert(accessTokens)
        .values({ kind: 'display', name: input.name, tokenHash: input.tokenHash, createdByUserId: input.createdByUserId, createdAt: input.now })
        .returning({ id: accessTokens.id });
      return single(rows).id;
    });
  }

  async list(): Promise<DisplayRow[]> {
    const { accessTokens } = this.db.tables;
    return this.db.orm.select(displayColumns(this.db.tables)).from(accessTokens).where(eq(accessTokens.kind, 'display')).orderBy(desc(accessTokens.id));
  }

  async find(id: number): Promise<DisplayRow | undefined> {
    const { accessTokens } = this.db.tables;
    const rows = await this.db.orm
      .select(displayColumns(this.db.tables))
      .from(accessTokens)
      .where(and(eq(accessTokens.id, id), eq(accessTokens.kind, 'display')))
      .limit(1);
    return rows[0];
  }

  update(id: number, patch: { name?: string | undefined; rotateSeconds?: number | undefined }): Promise<void> {
    const { accessTokens } = this.db.tables;
    return this.db.transaction(async () => {
      await this.db.orm
        .update(accessTokens)
        .set({ ...(patch.name !== undefined ? { name: patch.name } : {}), ...(patch.rotateSeconds !== undefined ? { rotateSeconds: patch.rotateSeconds } : {}) })
        .where(and(eq(accessTokens.id, id), eq(accessTokens.kind, 'display')));
    });
  }

  /** Revokes a live display token; false when it is unknown or already revoked. */
  revoke(id: number, now: number): Promise<boolean> {
    const { accessTokens } = this.db.tables;
    return this.db.transaction(async () => {
      const revoked = await this.db.orm
        .update(accessTokens)
        .set({ revokedAt: now })
        .where(and(eq(accessTokens.id, id), eq(accessTokens.kind, 'display'), isNull(accessTokens.revokedAt)))
        .returning({ id: accessTokens.id });
      return revoked.length === 1;
    });
  }

  /** Gives a live display a new token (its hash); false when it is unknown or revoked. */
  replaceToken(id: number, tokenHash: string): Promise<boolean> {
    const { accessTokens } = this.db.tables;
    return this.db.transaction(async () => {
      const rows = await this.db.orm
        .update(accessTokens)
        .set({ tokenHash })
        .where(and(eq(accessTokens.id, id), eq(accessTokens.kind, 'display'), isNull(accessTokens.revokedAt)))
        .returning({ id: accessTokens.id });
      return rows.length === 1;
    });
  }

  /** Records that a socket of the token connected or went away. */
  seen(id: number, now: number): Promise<void> {
    const { accessTokens } = this.db.tables;
    return this.db.transaction(async () => {
      await this.db.orm.update(accessTokens).set({ lastSeenAt: now }).where(eq(accessTokens.id, id));
    });
  }
}
