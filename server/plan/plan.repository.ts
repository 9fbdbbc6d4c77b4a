import { and, asc, count, eq, inArray, isNull, max, ne } from 'drizzle-orm';
import type { Database } from '../db/database';
import type * as schema from '../db/schema';

export type TermRow = typeof schema.terms.$inferSelect;
export type GroupRow = typeof schema.indicatorGroups.$inferSelect;
export type IndicatorRow = typeof schema.indicators.$inferSelect;
export type NewIndicator = typeof schema.indicators.$inferInsert;

/** Terms, groups and indicator definitions: the plan an office sets itself. */
export class PlanRepository {
  constructor(private readonly db: Database) {}

  /** Runs `work` in one write transaction; it must await every query it makes. */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  terms(): Promise<TermRow[]> {
    const { terms } = this.db.tables;
    return this.db.orm.select().from(terms).orderBy(asc(terms.startDate));
  }

  async term(id: number): Promise<TermRow | undefined> {
    const { terms } = this.db.tables;
    return (await this.db.orm.select().from(terms).where(eq(terms.id, id)).limit(1))[0];
  }

  async insertTerm(input: { name: string; start: string; end: string; previousTermId: number | null; now: number }): Promise<number> {
    const { terms } = this.db.tables;
    const [row] = await this.db.orm
      .insert(terms)
      .values({ name: input.name, startDate: input.start, endDate: input.end, previousTermId: input.previousTermId, createdAt: input.now })
      .returning({ id: terms.id });
    return row!.id;
  }

  async closeTerm(id: number, now: number): Promise<void> {
    const { terms } = this.db.tables;
    await this.db.orm.update(terms).set({ closedAt: now }).where(and(eq(terms.id, id), isNull(terms.closedAt)));
  }

  /** Makes `id` the one current term (the partial unique index allows one). Call inside a transaction. */
  async makeCurrent(id: number): Promise<void> {
    const { terms } = this.db.tables;
    await this.db.orm.update(terms).set({ isCurrent: false }).where(ne(terms.id, id));
    await this.db.orm.update(terms).set({ isCurrent: true }).where(eq(terms.id, id));
  }

  groups(termId: number): Promise<GroupRow[]> {
    const { indicatorGroups } = this.db.tables;
    return this.db.orm.select().from(indicatorGroups).where(eq(indicatorGroups.termId, termId)).orderBy(asc(indicatorGroups.displayOrder));
  }

  async group(id: number): Promise<GroupRow | undefined> {
    const { indicatorGroups } = this.db.tables;
    return (await this.db.orm.select().from(indicatorGroups).where(eq(indicatorGroups.id, id)).limit(1))[0];
  }

  async insertGroup(termId: number, name: string, displayOrder?: number): Promise<number> {
    const { indicatorGroups } = this.db.tables;
    let order = displayOrder;
    if (order === undefined) {
      const [last] = await this.db.orm.select({ m: max(indicatorGroups.displayOrder) }).from(indicatorGroups).where(eq(indicatorGroups.termId, termId));
      order = (last?.m ?? 0) + 1;
    }
    const [row] = await this.db.orm.insert(indicatorGroups).values({ termId, name, displayOrder: order }).returning({ id: indicatorGroups.id });
    return row!.id;
  }

  async renameGroup(id: number, name: string): Promise<void> {
    const { indicatorGroups } = this.db.tables;
    await this.db.orm.update(indicatorGroups).set({ name }).where(eq(indicatorGroups.id, id));
  }

  /** Call inside a transaction: the groups take their new order together. */
  async orderGroups(ids: readonly number[]): Promise<void> {
    const { indicatorGroups } = this.db.tables;
    for (const [index, id] of ids.entries()) {
      await this.db.orm.update(indicatorGroups).set({ displayOrder: index + 1 }).where(eq(indicatorGroups.id, id));
    }
  }

  async indicator(id: number): Promise<IndicatorRow | undefined> {
    const { indicators } = this.db.tables;
    return (await this.db.orm.select().from(indicators).where(eq(indicators.id, id)).limit(1))[0];
  }

  indicatorsOf(termId: number): Promise<IndicatorRow[]> {
    const { indicators } = this.db.tables;
    return this.db.orm.select().from(indicators).where(and(eq(indicators.termId, termId), isNull(indicators.archivedAt))).orderBy(asc(indicators.displayOrder));
  }

  async codeTaken(termId: number, code: string, exceptId?: number): Promise<boolean> {
    const { indicators } = this.db.tables;
    const [found] = await this.db.orm.select({ id: indicators.id }).from(indicators).where(and(eq(indicators.termId, termId), eq(indicators.code, code))).limit(1);
    return found !== undefined && found.id !== exceptId;
  }

  async nextIndicatorOrder(termId: number): Promise<number> {
    const { indicators } = this.db.tables;
    const [last] = await this.db.orm.select({ m: max(indicators.displayOrder) }).from(indicators).where(eq(indicators.termId, termId));
    return (last?.m ?? 0) + 1;
  }

  async insertIndicator(row: NewIndicator): Promise<number> {
    const { indicators } = this.db.tables;
    const [inserted] = await this.db.orm.insert(indicators).values(row).returning({ id: indicators.id });
    return inserted!.id;
  }

  async updateIndicator(id: number, set: Partial<NewIndicator>): Promise<void> {
    const { indicators } = this.db.tables;
    if (Object.keys(set).length > 0) await this.db.orm.update(indicators).set(set).where(eq(indicators.id, id));
  }

  async archiveIndicator(id: number, now: number): Promise<void> {
    const { indicators } = this.db.tables;
    await this.db.orm.update(indicators).set({ archivedAt: now }).where(eq(indicators.id, id));
  }

  async deleteIndicator(id: number): Promise<void> {
    const { indicators } = this.db.tables;
    await this.db.orm.delete(indicators).where(eq(indicators.id, id));
  }

  async readingCount(indicatorId: number): Promise<number> {
    const { readings } = this.db.tables;
    const [row] = await this.db.orm.select({ n: count() }).from(readings).where(eq(readings.indicatorId, indicatorId));
    return row?.n ?? 0;
  }

  async unitExists(id: number): Promise<boolean> {
    const { units } = this.db.tables;
    return (await this.db.orm.select({ id: units.id }).from(units).where(eq(units.id, id)).limit(1)).length > 0;
  }

  async groupsExist(termId: number, ids: readonly number[]): Promise<boolean> {
    const { indicatorGroups } = this.db.tables;
    const found = await this.db.orm.select({ id: indicatorGroups.id }).from(indicatorGroups).where(and(eq(indicatorGroups.termId, termId), inArray(indicatorGroups.id, [...ids])));
    return found.length === new Set(ids).size;
  }
}
