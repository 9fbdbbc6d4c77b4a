import { and, asc, desc, eq, gt, inArray, isNull, like } from 'drizzle-orm';
import type { Db } from '../db/client';
import { accessTokens, indicators, unitNames, units, userUnits } from '../db/schema';

export type UnitRow = typeof units.$inferSelect;

/** Units, their former names and what a merge moves: indicators, users' units, token scopes. */
export class UnitsRepository {
  constructor(private readonly db: Db) {}

  transaction<T>(work: () => T): T {
    return this.db.transaction(() => work(), { behavior: 'immediate' });
  }

  all(): UnitRow[] {
    return this.db.select().from(units).orderBy(asc(units.id)).all();
  }

  find(id: number): UnitRow | undefined {
    return this.db.select().from(units).where(eq(units.id, id)).get();
  }

  formerNames(): Array<{ unitId: number; name: string; until: number }> {
    return this.db.select({ unitId: unitNames.unitId, name: unitNames.name, until: unitNames.until }).from(unitNames).orderBy(desc(unitNames.until)).all();
  }

  /** The name a unit had at `instant`: the earliest former name used until after it, else its name. */
  nameAt(unitId: number, instant: number): string | undefined {
    const former = this.db
      .select({ name: unitNames.name })
      .from(unitNames)
      .where(and(eq(unitNames.unitId, unitId), gt(unitNames.until, instant)))
      .orderBy(asc(unitNames.until))
      .get();
    return former?.name ?? this.find(unitId)?.name;
  }

  insert(name: string, parentId: number | null, now: number): number {
    return this.db.insert(units).values({ name, parentId, createdAt: now }).returning({ id: units.id }).get().id;
  }

  rename(id: number, name: string, oldName: string, now: number): void {
    this.db.insert(unitNames).values({ unitId: id, name: oldName, until: now }).run();
    this.db.update(units).set({ name }).where(eq(units.id, id)).run();
  }

  move(id: number, parentId: number | null): void {
    this.db.update(units).set({ parentId }).where(eq(units.id, id)).run();
  }

  /** Moves everything of `from` to `into` and marks `from` merged. Returns what moved. */
  merge(from: readonly number[], into: number, now: number): { indicators: number; memberships: number; tokens: number } {
    const moved = { indicators: 0, memberships: 0, tokens: 0 };
    moved.indicators = this.db.update(indicators).set({ ownerUnitId: into }).where(inArray(indicators.ownerUnitId, [...from])).run().changes;
    const members = this.db.select().from(userUnits).where(inArray(userUnits.unitId, [...from])).all();
    for (const userId of new Set(members.map((m) => m.userId))) {
      this.db.insert(userUnits).values({ userId, unitId: into }).onConflictDoNothing().run();
      moved.memberships++;
    }
    this.db.delete(userUnits).where(inArray(userUnits.unitId, [...from])).run();
    for (const token of this.db.select().from(accessTokens).where(and(eq(accessTokens.kind, 'api'), like(accessTokens.scopes, '%unitIds%'))).all()) {
      const scopes = JSON.parse(token.scopes) as { unitIds?: number[]; indicatorIds?: number[] };
      if (!scopes.unitIds?.some((id) => from.includes(id))) continue;
      const unitIds = [...new Set(scopes.unitIds.map((id) => (from.includes(id) ? into : id)))];
      this.db.update(accessTokens).set({ scopes: JSON.stringify({ ...scopes, unitIds }) }).where(eq(accessTokens.id, token.id)).run();
      moved.tokens++;
    }
    // Their sub-units now hang under the merged unit.
    this.db.update(units).set({ parentId: into }).where(and(inArray(units.parentId, [...from]), isNull(units.mergedIntoId))).run();
    this.db.update(units).set({ mergedIntoId: into, mergedAt: now }).where(inArray(units.id, [...from])).run();
    return moved;
  }
}
