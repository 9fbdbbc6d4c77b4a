import { and, asc, count, eq, inArray, isNull, max, ne } from 'drizzle-orm';
import type { Db } from '../db/client';
import { indicatorGroups, indicators, readings, terms, units } from '../db/schema';

export type TermRow = typeof terms.$inferSelect;
export type NewIndicator = typeof indicators.$inferInsert;

/** Terms, groups and indicator definitions: the plan an office sets itself. */
export class PlanRepository {
  constructor(private readonly db: Db) {}

  transaction<T>(work: () => T): T {
    return this.db.transaction(() => work(), { behavior: 'immediate' });
  }

  terms(): TermRow[] {
    return this.db.select().from(terms).orderBy(asc(terms.startDate)).all();
  }

  term(id: number): TermRow | undefined {
    return this.db.select().from(terms).where(eq(terms.id, id)).get();
  }

  insertTerm(input: { name: string; start: string; end: string; previousTermId: number | null; now: number }): number {
    return this.db
      .insert(terms)
      .values({ name: input.name, startDate: input.start, endDate: input.end, previousTermId: input.previousTermId, createdAt: input.now })
      .returning({ id: terms.id })
      .get().id;
  }

  closeTerm(id: number, now: number): void {
    this.db.update(terms).set({ closedAt: now }).where(and(eq(terms.id, id), isNull(terms.closedAt))).run();
  }

  /** Makes `id` the one current term (the partial unique index allows one). */
  makeCurrent(id: number): void {
    this.db.update(terms).set({ isCurrent: false }).where(ne(terms.id, id)).run();
    this.db.update(terms).set({ isCurrent: true }).where(eq(terms.id, id)).run();
  }

  groups(termId: number) {
    return this.db.select().from(indicatorGroups).where(eq(indicatorGroups.termId, termId)).orderBy(asc(indicatorGroups.displayOrder)).all();
  }

  group(id: number) {
    return this.db.select().from(indicatorGroups).where(eq(indicatorGroups.id, id)).get();
  }

  insertGroup(termId: number, name: string, displayOrder?: number): number {
    const order = displayOrder ?? (this.db.select({ m: max(indicatorGroups.displayOrder) }).from(indicatorGroups).where(eq(indicatorGroups.termId, termId)).get()?.m ?? 0) + 1;
    return this.db.insert(indicatorGroups).values({ termId, name, displayOrder: order }).returning({ id: indicatorGroups.id }).get().id;
  }

  renameGroup(id: number, name: string): void {
    this.db.update(indicatorGroups).set({ name }).where(eq(indicatorGroups.id, id)).run();
  }

  orderGroups(ids: readonly number[]): void {
    ids.forEach((id, index) => this.db.update(indicatorGroups).set({ displayOrder: index + 1 }).where(eq(indicatorGroups.id, id)).run());
  }

  indicator(id: number) {
    return this.db.select().from(indicators).where(eq(indicators.id, id)).get();
  }

  indicatorsOf(termId: number) {
    return this.db.select().from(indicators).where(and(eq(indicators.termId, termId), isNull(indicators.archivedAt))).orderBy(asc(indicators.displayOrder)).all();
  }

  codeTaken(termId: number, code: string, exceptId?: number): boolean {
    const found = this.db.select({ id: indicators.id }).from(indicators).where(and(eq(indicators.termId, termId), eq(indicators.code, code))).get();
    return found !== undefined && found.id !== exceptId;
  }

  nextIndicatorOrder(termId: number): number {
    return (this.db.select({ m: max(indicators.displayOrder) }).from(indicators).where(eq(indicators.termId, termId)).get()?.m ?? 0) + 1;
  }

  insertIndicator(row: NewIndicator): number {
    return this.db.insert(indicators).values(row).returning({ id: indicators.id }).get().id;
  }

  updateIndicator(id: number, set: Partial<NewIndicator>): void {
    if (Object.keys(set).length > 0) this.db.update(indicators).set(set).where(eq(indicators.id, id)).run();
  }

  archiveIndicator(id: number, now: number): void {
    this.db.update(indicators).set({ archivedAt: now }).where(eq(indicators.id, id)).run();
  }

  deleteIndicator(id: number): void {
    this.db.delete(indicators).where(eq(indicators.id, id)).run();
  }

  readingCount(indicatorId: number): number {
    return this.db.select({ n: count() }).from(readings).where(eq(readings.indicatorId, indicatorId)).get()!.n;
  }

  unitExists(id: number): boolean {
    return this.db.select({ id: units.id }).from(units).where(eq(units.id, id)).get() !== undefined;
  }

  groupsExist(termId: number, ids: readonly number[]): boolean {
    const found = this.db.select({ id: indicatorGroups.id }).from(indicatorGroups).where(and(eq(indicatorGroups.termId, termId), inArray(indicatorGroups.id, [...ids]))).all();
    return found.length === new Set(ids).size;
  }
}
