import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { accessTokens } from '../db/schema';

const displayColumns = {
  id: accessTokens.id,
  name: accessTokens.name,
  createdAt: accessTokens.createdAt,
  revokedAt: accessTokens.revokedAt,
  lastSeenAt: accessTokens.lastSeenAt,
  rotateSeconds: accessTokens.rotateSeconds,
};

export type DisplayRow = { [K in keyof typeof displayColumns]: (typeof accessTokens.$inferSelect)[K] };

/** Display screens: access tokens of kind `display`. */
export class DisplaysRepository {
  constructor(private readonly db: Db) {}

  create(input: { name: string; tokenHash: string; createdByUserId: number; now: number }): number {
    return this.db
      .insert(accessTokens)
      .values({ kind: 'display', name: input.name, tokenHash: input.tokenHash, createdByUserId: input.createdByUserId, createdAt: input.now })
      .returning({ id: accessTokens.id })
      .get().id;
  }

  list(): DisplayRow[] {
    return this.db.select(displayColumns).from(accessTokens).where(eq(accessTokens.kind, 'display')).orderBy(desc(accessTokens.id)).all();
  }

  find(id: number): DisplayRow | undefined {
    return this.db
      .select(displayColumns)
      .from(accessTokens)
      .where(and(eq(accessTokens.id, id), eq(accessTokens.kind, 'display')))
      .get();
  }

  update(id: number, patch: { name?: string | undefined; rotateSeconds?: number | undefined }): void {
    this.db
      .update(accessTokens)
      .set({ ...(patch.name !== undefined ? { name: patch.name } : {}), ...(patch.rotateSeconds !== undefined ? { rotateSeconds: patch.rotateSeconds } : {}) })
      .where(and(eq(accessTokens.id, id), eq(accessTokens.kind, 'display')))
      .run();
  }

  /** Revokes a live display token; false when it is unknown or already revoked. */
  revoke(id: number, now: number): boolean {
    const result = this.db
      .update(accessTokens)
      .set({ revokedAt: now })
      .where(and(eq(accessTokens.id, id), eq(accessTokens.kind, 'display'), isNull(accessTokens.revokedAt)))
      .run();
    return result.changes === 1;
  }

  /** Records that a socket of the token connected or went away. */
  seen(id: number, now: number): void {
    this.db.update(accessTokens).set({ lastSeenAt: now }).where(eq(accessTokens.id, id)).run();
  }
}
