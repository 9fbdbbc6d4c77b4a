import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database, Tables } from '../db/database';
import type { accessTokens } from '../db/schema';

export type ApiTokenRow = Pick<typeof accessTokens.$inferSelect, 'id' | 'name' | 'scopes' | 'createdAt' | 'revokedAt'>;

const columns = ({ accessTokens }: Tables) => ({
  id: accessTokens.id,
  name: accessTokens.name,
  scopes: accessTokens.scopes,
  createdAt: accessTokens.createdAt,
  revokedAt: accessTokens.revokedAt,
});

/** Integration tokens: access tokens of kind `api`, with their write scope. Writes run inside `transaction`. */
export class TokensRepository {
  constructor(private readonly db: Database) {}

  /** Of these unit and indicator ids, those that do not exist. */
  async unknownScopes(unitIds: readonly number[], indicatorIds: readonly number[]): Promise<{ unitIds: number[]; indicatorIds: number[] }> {
    const { units, indicators } = this.db.tables;
    const knownUnits = unitIds.length === 0 ? [] : await this.db.orm.select({ id: units.id }).from(units).where(inArray(units.id, [...unitIds]));
    const knownIndicators =
      indicatorIds.length === 0 ? [] : await this.db.orm.select({ id: indicators.id }).from(indicators).where(inArray(indicators.id, [...indicatorIds]));
    const missing = (ids: readonly number[], known: Array<{ id: number }>) => ids.filter((id) => !known.some((row) => row.id === id));
    return { unitIds: missing(unitIds, knownUnits), indicatorIds: missing(indicatorIds, knownIndicators) };
  }

  list(): Promise<ApiTokenRow[]> {
    const { accessTokens } = this.db.tables;
    return this.db.orm.select(columns(this.db.tables)).from(accessTokens).where(eq(accessTokens.kind, 'api')).orderBy(desc(accessTokens.id));
  }

  async find(id: number): Promise<ApiTokenRow | undefined> {
    const { accessTokens } = this.db.tables;
    const rows = await this.db.orm
      .select(columns(this.db.tables))
      .from(accessTokens)
      .where(and(eq(accessTokens.id, id), eq(accessTokens.kind, 'api')))
      .limit(1);
    return rows[0];
  }

  /** Revokes a live token; false when it was revoked already. */
  async revoke(id: number, now: number): Promise<boolean> {
    const { accessTokens } = this.db.tables;
    const revoked = await this.db.orm
      .update(accessTokens)
      .set({ revokedAt: now })
      .where(and(eq(accessTokens.id, id), eq(accessTokens.kind, 'api'), isNull(accessTokens.revokedAt)))
      .returning({ id: accessTokens.id });
    return revoked.length === 1;
  }

  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }
}
