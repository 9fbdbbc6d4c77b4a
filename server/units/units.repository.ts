import { and, asc, desc, eq, gt, inArray, isNull, like, sql } from 'drizzle-orm';
import type { Database } from '../db/database';
import type * as schema from '../db/schema';

export type UnitRow = typeof schema.units.$inferSelect;

/** Units, their former names and what a merge moves: indicators, users' units, token scopes. */
export class UnitsRepository {
  constructor(private readonly db: Database) {}

  /** Runs `work` in one write transaction; it must await every query it makes. */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  list(): Promise<UnitRow[]> {
    const { units } = this.db.tables;
    return this.db.orm.select().from(units).orderBy(asc(units.id));
  }

  async find(id: number): Promise<UnitRow | undefined> {
    const { units } = this.db.tables;
    return (await this.db.orm.select().from(units).where(eq(units.id, id)).limit(1))[0];
  }

  formerNames(): Promise<Array<{ unitId: number; name: string; until: number }>> {
    const { unitNames } = this.db.tables;
    return this.db.orm.select({ unitId: unitNames.unitId, name: unitNames.name, until: unitNames.until }).from(unitNames).orderBy(desc(unitNames.until));
  }

  /** The name a unit had at `instant`: the earliest former name used until after it, else its name. */
  async nameAt(unitId: number, instant: number): Promise<string | undefined> {
    const { unitNames } = this.db.tables;
    const [former] = await this.db.orm
      .select({ name: unitNames.name })
      .from(unitNames)
      .where(and(eq(unitNames.unitId, unitId), gt(unitNames.until, instant)))
      .orderBy(asc(unitNames.until))
      .limit(1);
    return former?.name ?? (await this.find(unitId))?.name;
  }

  async insert(name: string, parentId: number | null, now: number): Promise<number> {
    const { units } = this.db.tables;
    const [row] = await this.db.orm.insert(units).values({ name, parentId, createdAt: now }).returning({ id: units.id });
    return row!.id;
  }

  /** Call inside a transaction: the old name is kept with the rename. */
  async rename(id: number, name: string, oldName: string, now: number): Promise<void> {
    const { units, unitNames } = this.db.tables;
    await this.db.orm.insert(unitNames).values({ unitId: id, name: oldName, until: now });
    await this.db.orm.update(units).set({ name }).where(eq(units.id, id));
  }

  async move(id: number, parentId: number | null): Promise<void> {
    const { units } = this.db.tables;
    await this.db.orm.update(units).set({ parentId }).where(eq(units.id, id));
  }

  /** Moves everything of `from` to `into` and marks `from` merged. Returns what moved. Call inside a transaction. */
  async merge(from: readonly number[], into: number, now: number): Promise<{ indicators: number; memberships: number; tokens: number }> {
    const { accessTokens, indicators, units, userUnits } = this.db.tables;
    const moved = { indicators: 0, memberships: 0, tokens: 0 };
    moved.indicators = (await this.db.orm.update(indicators).set({ ownerUnitId: into }).where(inArray(indicators.ownerUnitId, [...from])).returning({ id: indicators.id })).length;
    const members = await this.db.orm.select().from(userUnits).where(inArray(userUnits.unitId, [...from]));
    for (const userId of new Set(members.map((m) => m.userId))) {
      await this.db.orm.insert(userUnits).values({ userId, unitId: into }).onConflictDoNothing();
      moved.memberships++;
    }
    await this.db.orm.delete(userUnits).where(inArray(userUnits.unitId, [...from]));
    // Tokens scoped to units (the scopes are JSON text); `lower` on both sides: PostgreSQL's `like` minds case.
    const scoped = await this.db.orm
      .select()
      .from(accessTokens)
      .where(and(eq(accessTokens.kind, 'api'), like(sql`lower(${accessTokens.scopes})`, '%unitids%')));
    for (const token of scoped) {
      const scopes = JSON.parse(token.scopes) as { unitIds?: number[]; indicatorIds?: number[] };
      if (!scopes.unitIds?.some((id) => from.includes(id))) continue;
      const unitIds = [...new Set(scopes.unitIds.map((id) => (from.includes(id) ? into : id)))];
      await this.db.orm.update(accessTokens).set({ scopes: JSON.stringify({ ...scopes, unitIds }) }).where(eq(accessTokens.id, token.id));
      moved.tokens++;
    }
    // Their sub-units now hang under the merged unit.
    await this.db.orm.update(units).set({ parentId: into }).where(and(inArray(units.parentId, [...from]), isNull(units.mergedIntoId)));
    await this.db.orm.update(units).set({ mergedIntoId: into, mergedAt: now }).where(inArray(units.id, [...from]));
    return moved;
  }
}
