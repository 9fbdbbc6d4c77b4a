import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { accessTokens } from '../db/schema';

export type ApiTokenRow = Pick<typeof accessTokens.$inferSelect, 'id' | 'name' | 'scopes' | 'createdAt' | 'revokedAt'>;

const columns = { id: accessTokens.id, name: accessTokens.name, scopes: accessTokens.scopes, createdAt: accessTokens.createdAt, revokedAt: accessTokens.revokedAt };

/** Integration tokens: access tokens of kind `api`, with their write scope. */
export class TokensRepository {
  constructor(private readonly db: Db) {}

  list(): ApiTokenRow[] {
    return this.db.select(columns).from(accessTokens).where(eq(accessTokens.kind, 'api')).orderBy(desc(accessTokens.id)).all();
  }

  find(id: number): ApiTokenRow | undefined {
    return this.db.select(columns).from(accessTokens).where(and(eq(accessTokens.id, id), eq(accessTokens.kind, 'api'))).get();
  }

  revoke(id: number, now: number): boolean {
    const result = this.db
      .update(accessTokens)
      .set({ revokedAt: now })
      .where(and(eq(accessTokens.id, id), eq(accessTokens.kind, 'api'), isNull(accessTokens.revokedAt)))
      .run();
    return result.changes === 1;
  }
}
