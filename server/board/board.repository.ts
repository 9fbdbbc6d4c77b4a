import { and, asc, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import type { ReadingFact } from '../../shared/indicator/model';
import type { Db } from '../db/client';
import { changes, indicatorGroups, indicators, readings, settings, terms, unitNames, units } from '../db/schema';

export type TermRow = typeof terms.$inferSelect;
export type GroupRow = typeof indicatorGroups.$inferSelect;
export type IndicatorRow = typeof indicators.$inferSelect & { ownerUnitName: string };

const indicatorColumns = {
  id: indicators.id,
  termId: indicators.termId,
  groupId: indicators.groupId,
  ownerUnitId: indicators.ownerUnitId,
  code: indicators.code,
  name: indicators.name,
  description: indicators.description,
  measure: indicators.measure,
  aggregation: indicators.aggregation,
  direction: indicators.direction,
  unitLabel: indicators.unitLabel,
  baseline: indicators.baseline,
  target: indicators.target,
  milestones: indicators.milestones,
  updateFrequency: indicators.updateFrequency,
  decimals: indicators.decimals,
  displayOrder: indicators.displayOrder,
  archivedAt: indicators.archivedAt,
  createdAt: indicators.createdAt,
  ownerUnitName: units.name,
};

const factColumns = {
  indicatorId: readings.indicatorId,
  id: readings.id,
  date: readings.date,
  value: readings.value,
  numerator: readings.numerator,
  denominator: readings.denominator,
  createdAt: readings.createdAt,
  supersedesId: readings.supersedesId,
};

function preparedStatements(db: Db) {
  return {
    currentTerm: db.select().from(terms).where(eq(terms.isCurrent, true)).prepare(),
    termById: db.select().from(terms).where(eq(terms.id, sql.placeholder('id'))).prepare(),
    groupsOfTerm: db
      .select()
      .from(indicatorGroups)
      .where(eq(indicatorGroups.termId, sql.placeholder('termId')))
      .orderBy(asc(indicatorGroups.displayOrder), asc(indicatorGroups.id))
      .prepare(),
    indicatorsOfTerm: db
      .select(indicatorColumns)
      .from(indicators)
      .innerJoin(units, eq(units.id, indicators.ownerUnitId))
      .where(and(eq(indicators.termId, sql.placeholder('termId')), isNull(indicators.archivedAt)))
      .orderBy(asc(indicators.displayOrder), asc(indicators.id))
      .prepare(),
    indicatorById: db
      .select(indicatorColumns)
      .from(indicators)
      .innerJoin(units, eq(units.id, indicators.ownerUnitId))
      .where(eq(indicators.id, sql.placeholder('id')))
      .prepare(),
    factsOfTerm: db
      .select(factColumns)
      .from(readings)
      .innerJoin(indicators, eq(indicators.id, readings.indicatorId))
      .where(and(eq(indicators.termId, sql.placeholder('termId')), isNull(indicators.archivedAt)))
      .prepare(),
    factsOfIndicator: db.select(factColumns).from(readings).where(eq(readings.indicatorId, sql.placeholder('indicatorId'))).prepare(),
    changedSince: db
      .selectDistinct({ indicatorId: changes.indicatorId })
      .from(changes)
      .where(and(eq(changes.termId, sql.placeholder('termId')), gt(changes.seq, sql.placeholder('since'))))
      .prepare(),
    seqAt: db
      .select({ seq: sql<number | null>`max(${changes.seq})` })
      .from(changes)
      .where(and(eq(changes.termId, sql.placeholder('termId')), lte(changes.createdAt, sql.placeholder('instant'))))
      .prepare(),
    setting: db.select({ value: settings.value }).from(settings).where(eq(settings.key, sql.placeholder('key'))).prepare(),
  };
}

/** What a board is computed from: the term, its groups, indicators and reading facts. */
export class BoardRepository {
  private readonly statements: ReturnType<typeof preparedStatements>;

  constructor(private readonly db: Db) {
    this.statements = preparedStatements(db);
  }

  currentTerm(): TermRow | undefined {
    return this.statements.currentTerm.get();
  }

  term(id: number): TermRow | undefined {
    return this.statements.termById.get({ id });
  }

  groups(termId: number): GroupRow[] {
    return this.statements.groupsOfTerm.all({ termId });
  }

  indicators(termId: number): IndicatorRow[] {
    return this.statements.indicatorsOfTerm.all({ termId });
  }

  indicator(id: number): IndicatorRow | undefined {
    return this.statements.indicatorById.get({ id });
  }

  /** Every reading of the term's indicators, grouped by indicator. */
  factsByIndicator(termId: number): Map<number, ReadingFact[]> {
    const byIndicator = new Map<number, ReadingFact[]>();
    for (const { indicatorId, ...fact } of this.statements.factsOfTerm.all({ termId })) {
      let list = byIndicator.get(indicatorId);
      if (!list) byIndicator.set(indicatorId, (list = []));
      list.push(fact);
    }
    return byIndicator;
  }

  factsOfIndicator(indicatorId: number): ReadingFact[] {
    return this.statements.factsOfIndicator.all({ indicatorId }).map(({ indicatorId: _, ...fact }) => fact);
  }

  /**
   * The indicators changed after `since` in the term's log; `all` when a change concerns the
   * whole board (a group or term edit has no indicator).
   */
  changedSince(termId: number, since: number): { all: boolean; indicatorIds: number[] } {
    const rows = this.statements.changedSince.all({ termId, since });
    const indicatorIds = rows.flatMap((row) => (row.indicatorId === null ? [] : [row.indicatorId]));
    return { all: indicatorIds.length < rows.length, indicatorIds };
  }

  /** The term's last change recorded by `instant`: an "as of" board's `seq`. */
  seqAt(termId: number, instant: number): number {
    return this.statements.seqAt.get({ termId, instant })?.seq ?? 0;
  }

  /** Units renamed since `instant`, with the name each had then (for "as of" boards). */
  unitNamesAt(instant: number): Map<number, string> {
    const names = new Map<number, string>();
    const rows = this.db.select().from(unitNames).where(gt(unitNames.until, instant)).orderBy(asc(unitNames.until)).all();
    for (const row of rows) if (!names.has(row.unitId)) names.set(row.unitId, row.name);
    return names;
  }

  setting<T>(key: string): T | undefined {
    const row = this.statements.setting.get({ key });
    return row ? (JSON.parse(row.value) as T) : undefined;
  }
}
