import { and, asc, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { ReadingFact } from '../../shared/indicator/model';
import { PreparedQuery, type Database, type Tables } from '../db/database';
import { givingWay } from '../db/giving-way';
import type { indicatorGroups, indicators, terms } from '../db/schema';

export type TermRow = typeof terms.$inferSelect;
export type GroupRow = typeof indicatorGroups.$inferSelect;
export type IndicatorRow = typeof indicators.$inferSelect & { ownerUnitName: string };

function indicatorColumns({ indicators, units }: Tables) {
  return {
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
}

function factColumns({ readings }: Tables) {
  return {
    indicatorId: readings.indicatorId,
    id: readings.id,
    date: readings.date,
    value: readings.value,
    numerator: readings.numerator,
    denominator: readings.denominator,
    createdAt: readings.createdAt,
    supersedesId: readings.supersedesId,
  };
}

/** Every reading checks its rules against this: prepared. */
const indicatorWithTerm = new PreparedQuery((orm, tables) => {
  const { indicators, units, terms } = tables;
  return orm
    .select({ indicator: indicatorColumns(tables), term: terms })
    .from(indicators)
    .innerJoin(units, eq(units.id, indicators.ownerUnitId))
    .innerJoin(terms, eq(terms.id, indicators.termId))
    .where(eq(indicators.id, sql.placeholder('id')));
});

/** Readings read between two turns given to other requests (~2 µs each). */
const FACTS_A_TURN = 5000;

/** One page of an indicator's readings, by id: a busy indicator's history is read a page at a time. */
const factsPage = new PreparedQuery((orm, tables) => {
  const { readings } = tables;
  const { indicatorId: _, ...columns } = factColumns(tables);
  return orm
    .select(columns)
    .from(readings)
    .where(and(eq(readings.indicatorId, sql.placeholder('indicatorId')), gt(readings.id, sql.placeholder('after'))))
    .orderBy(asc(readings.id))
    .limit(FACTS_A_TURN);
});

/** What a board is computed from: the term, its groups, indicators and reading facts. */
export class BoardRepository {
  constructor(private readonly db: Database) {}

  async currentTerm(): Promise<TermRow | undefined> {
    const { terms } = this.db.tables;
    const [term] = await this.db.orm.select().from(terms).where(eq(terms.isCurrent, true));
    return term;
  }

  async term(id: number): Promise<TermRow | undefined> {
    const { terms } = this.db.tables;
    const [term] = await this.db.orm.select().from(terms).where(eq(terms.id, id));
    return term;
  }

  groups(termId: number): Promise<GroupRow[]> {
    const { indicatorGroups } = this.db.tables;
    return this.db.orm
      .select()
      .from(indicatorGroups)
      .where(eq(indicatorGroups.termId, termId))
      .orderBy(asc(indicatorGroups.displayOrder), asc(indicatorGroups.id));
  }

  indicators(termId: number): Promise<IndicatorRow[]> {
    const { indicators, units } = this.db.tables;
    return this.db.orm
      .select(indicatorColumns(this.db.tables))
      .from(indicators)
      .innerJoin(units, eq(units.id, indicators.ownerUnitId))
      .where(and(eq(indicators.termId, termId), isNull(indicators.archivedAt)))
      .orderBy(asc(indicators.displayOrder), asc(indicators.id));
  }

  async indicator(id: number): Promise<IndicatorRow | undefined> {
    const { indicators, units } = this.db.tables;
    const [row] = await this.db.orm
      .select(indicatorColumns(this.db.tables))
      .from(indicators)
      .innerJoin(units, eq(units.id, indicators.ownerUnitId))
      .where(eq(indicators.id, id));
    return row;
  }

  /** An indicator with its term, in one query: what a write checks its rules against (each reading: prepared). */
  async indicatorWithTerm(id: number): Promise<{ indicator: IndicatorRow; term: TermRow } | undefined> {
    const [row] = await this.db.runPrepared(indicatorWithTerm, { id });
    return row;
  }

  /** The indicators named, archived ones too. */
  indicatorsByIds(ids: readonly number[]): Promise<IndicatorRow[]> {
    const { indicators, units } = this.db.tables;
    return this.db.orm
      .select(indicatorColumns(this.db.tables))
      .from(indicators)
      .innerJoin(units, eq(units.id, indicators.ownerUnitId))
      .where(inArray(indicators.id, [...ids]));
  }

  /**
   * The readings of the indicators named, grouped by indicator (each named one has a list). Read
   * a page at a time, giving way between pages: the touched indicators of a large import can
   * have hundreds of thousands of readings, and the driver is synchronous. Readings are never
   * deleted, so pages read outside a transaction miss none (later ones may come too).
   */
  async factsOfIndicators(ids: readonly number[]): Promise<Map<number, ReadingFact[]>> {
    const byIndicator = new Map<number, ReadingFact[]>(ids.map((id) => [id, []]));
    let pages = 0;
    for (const [indicatorId, facts] of byIndicator) {
      for (let after = 0; ; ) {
        if (pages++ > 0) await givingWay();
        const page = await this.db.runPrepared(factsPage, { indicatorId, after });
        for (const fact of page) facts.push(fact);
        if (page.length < FACTS_A_TURN) break;
        after = page.at(-1)!.id;
      }
    }
    return byIndicator;
  }

  /** Every reading of the term's indicators, grouped by indicator. */
  async factsByIndicator(termId: number): Promise<Map<number, ReadingFact[]>> {
    const { readings, indicators } = this.db.tables;
    const rows = await this.db.orm
      .select(factColumns(this.db.tables))
      .from(readings)
      .innerJoin(indicators, eq(indicators.id, readings.indicatorId))
      .where(and(eq(indicators.termId, termId), isNull(indicators.archivedAt)));
    const byIndicator = new Map<number, ReadingFact[]>();
    for (const { indicatorId, ...fact } of rows) {
      let list = byIndicator.get(indicatorId);
      if (!list) byIndicator.set(indicatorId, (list = []));
      list.push(fact);
    }
    return byIndicator;
  }

  /** The readings of one indicator, read as `factsOfIndicators` reads them. */
  async factsOfIndicator(indicatorId: number): Promise<ReadingFact[]> {
    return (await this.factsOfIndicators([indicatorId])).get(indicatorId)!;
  }

  /**
   * The indicators changed after `since` in the term's log; `all` when a change concerns the
   * whole board (a group or term edit has no indicator).
   */
  async changedSince(termId: number, since: number): Promise<{ all: boolean; indicatorIds: number[] }> {
    const { changes } = this.db.tables;
    const rows = await this.db.orm
      .selectDistinct({ indicatorId: changes.indicatorId })
      .from(changes)
      .where(and(eq(changes.termId, termId), gt(changes.seq, since)));
    const indicatorIds = rows.flatMap((row) => (row.indicatorId === null ? [] : [row.indicatorId]));
    return { all: indicatorIds.length < rows.length, indicatorIds };
  }

  /** The term's last change recorded by `instant`: an "as of" board's `seq`. */
  async seqAt(termId: number, instant: number): Promise<number> {
    const { changes } = this.db.tables;
    const [row] = await this.db.orm
      .select({ seq: sql<number | null>`max(${changes.seq})`.mapWith(Number) })
      .from(changes)
      .where(and(eq(changes.termId, termId), lte(changes.createdAt, instant)));
    return row?.seq ?? 0;
  }

  /** Units renamed since `instant`, with the name each had then (for "as of" boards). */
  async unitNamesAt(instant: number): Promise<Map<number, string>> {
    const { unitNames } = this.db.tables;
    const names = new Map<number, string>();
    const rows = await this.db.orm.select().from(unitNames).where(gt(unitNames.until, instant)).orderBy(asc(unitNames.until));
    for (const row of rows) if (!names.has(row.unitId)) names.set(row.unitId, row.name);
    return names;
  }

  async setting<T>(key: string): Promise<T | undefined> {
    const { settings } = this.db.tables;
    const [row] = await this.db.orm.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
    return row ? (JSON.parse(row.value) as T) : undefined;
  }
}
