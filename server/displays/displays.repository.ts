import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { accessTokens } from '../db/schema';

export type DisplayRow = Pick<typeof accessTokens.$inferSelect, 'id' | 'name' | 'createdAt' | 'revokedAt'>;

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
    return this.db
      .select({ id: accessTokens.id, name: accessTokens.name, createdAt: accessTokens.createdAt, revokedAt: accessTokens.revokedAt })
      .from(accessTokens)
      .where(eq(accessTokens.kind, 'display'))
      .orderBy(desc(accessTokens.id))
      .all();
  }

  find(id: number): DisplayRow | undefined {
    return this.db
      .select({ id: accessTokens.id, name: accessTokens.name, createdAt: accessTokens.createdAt, revokedAt: accessTokens.revokedAt })
      .from(accessTokens)
      .where(and(eq(accessTokens.id, id), eq(accessTokens.kind, 'display')))
      .get();
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
}
