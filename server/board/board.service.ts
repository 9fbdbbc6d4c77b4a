import type { Board, BoardIndicator } from '../../shared/api/board';
import type { IndicatorRule, Milestone, ReadingFact, TermSpan } from '../../shared/indicator/model';
import { effectiveReadings, progressOfTally, seriesOfTally, tallyOf, termElapsed, type ReadingsTally } from '../../shared/indicator/progress';
import { dateInZone } from '../../shared/time/dates';
import type { Clock } from '../clock';
import { DomainError } from '../errors';
import type { BoardRepository, IndicatorRow, TermRow } from './board.repository';

export const OFFICE_NAME_SETTING = 'office.name';
export const DEFAULT_OFFICE_NAME = 'Termboard';

/** The indicator's progress rule from its stored row (written through the shared schemas). */
export function ruleOf(row: IndicatorRow): IndicatorRule {
  return {
    measure: row.measure as IndicatorRule['measure'],
    aggregation: row.aggregation as IndicatorRule['aggregation'],
    direction: row.direction as IndicatorRule['direction'],
    baseline: row.baseline,
    target: row.target,
    milestones: JSON.parse(row.milestones) as Milestone[],
    updateFrequency: row.updateFrequency as IndicatorRule['updateFrequency'],
    decimals: row.decimals,
  };
}

export function spanOf(term: TermRow): TermSpan {
  return { start: term.startDate, end: term.endDate };
}

function isoInstant(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/**
 * Computed values as boards carry them: two decimals more than the indicator shows, shares of the
 * way to four (a hundredth of a percent). Full precision (43.47826086956522) is noise on a screen
 * and a third of a change's bytes to every screen; statuses are decided before, on full values.
 */
function valueShown<T extends number | null>(value: T, decimals: number): T {
  if (value === null) return value;
  const factor = 10 ** Math.min(decimals + 2, 8);
  return (Math.round(value * factor) / factor) as T;
}

function shareShown<T extends number | null>(share: T): T {
  return (share === null ? share : Math.round(share * 10_000) / 10_000) as T;
}

/** Computes boards and indicator states with the shared progress logic. */
export class BoardService {
  private cache: { termId: number; seq: number; date: string; indicators: BoardIndicator[] } | undefined;

  constructor(
    private readonly repository: BoardRepository,
    private readonly clock: Clock,
    readonly timeZone: string,
    /** The office's presentation (settings): name, logo, screens' defaults. */
    private readonly presentation: () => Promise<{ office: string; logoUrl: string | null; defaults: Board['defaults'] }> = async () => ({
      office: (await repository.setting<string>(OFFICE_NAME_SETTING)) ?? DEFAULT_OFFICE_NAME,
      logoUrl: null,
      defaults: { lang: 'vi', theme: 'dark' },
    }),
  ) {}

  async currentTerm(): Promise<TermRow> {
    const term = await this.repository.currentTerm();
    if (!term) throw new DomainError('not_found', 'there is no current term');
    return term;
  }

  /**
   * The current term's board (or `termId`'s: a closed term is history anyone may read) now, or
   * as it stood at `asOf`. "Now" boards come from a cache kept
   * per term and day: after a change only the indicators the change log names are recomputed
   * (docs/performance.md); a new day, another term or a board-wide change recomputes them all.
   */
  async board(asOf?: number, termId?: number): Promise<Board> {
    const term = termId === undefined ? await this.currentTerm() : await this.repository.term(termId);
    if (!term) throw new DomainError('not_found', `term ${termId} not found`);
    // The cache keeps the current term's board; other terms are computed when asked.
    if (termId !== undefined && !term.isCurrent) asOf ??= this.clock.now();
    const instant = asOf ?? this.clock.now();
    const date = dateInZone(instant, this.timeZone);
    const indicators = asOf === undefined ? await this.currentIndicators(term, instant, date) : await this.computeAll(term, instant, date, true);
    return {
      ...(await this.presentation()),
      term: {
        id: term.id,
        name: term.name,
        start: term.startDate,
        end: term.endDate,
        elapsed: termElapsed(spanOf(term), date),
        closed: term.closedAt !== null,
      },
      seq: asOf === undefined ? term.lastSeq : await this.repository.seqAt(term.id, instant),
      asOf: new Date(instant).toISOString(),
      date,
      timeZone: this.timeZone,
      groups: (await this.repository.groups(term.id)).map(({ id, name, displayOrder }) => ({ id, name, displayOrder })),
      indicators,
    };
  }

  private async currentIndicators(term: TermRow, now: number, date: string): Promise<BoardIndicator[]> {
    const cached = this.cache;
    if (!cached || cached.termId !== term.id || cached.date !== date) {
      return this.remember(term, date, await this.computeAll(term, now, date));
    }
    if (cached.seq === term.lastSeq) return cached.indicators;
    const changed = await this.repository.changedSince(term.id, cached.seq);
    if (changed.all) return this.remember(term, date, await this.computeAll(term, now, date));
    const byId = new Map(cached.indicators.map((indicator) => [indicator.id, indicator]));
    for (const id of changed.indicatorIds) {
      const row = await this.repository.indicator(id);
      if (!row || row.termId !== term.id || row.archivedAt !== null) byId.delete(id);
      else byId.set(id, this.indicatorState(row, spanOf(term), await this.repository.factsOfIndicator(id), now, date));
    }
    const indicators = [...byId.values()].sort((a, b) => a.displayOrder - b.displayOrder || a.id - b.id);
    return this.remember(term, date, indicators);
  }

  /**
   * The cache is tagged with the `seq` read before its rows: rows read later are as new or newer,
   * so a concurrent refresh (or a change committed on another node meanwhile) at worst makes the
   * next request recompute an indicator again, never keeps a stale one.
   */
  private remember(term: TermRow, date: string, indicators: BoardIndicator[]): BoardIndicator[] {
    this.cache = { termId: term.id, seq: term.lastSeq, date, indicators };
    return indicators;
  }

  private async computeAll(term: TermRow, asOf: number, date: string, past = false): Promise<BoardIndicator[]> {
    const facts = await this.repository.factsByIndicator(term.id);
    // A past board names units as they were named then (before a reorganisation renamed them).
    const namesThen = past ? await this.repository.unitNamesAt(asOf) : new Map<number, string>();
    return (await this.repository.indicators(term.id)).map((row) => this.indicatorState({ ...row, ownerUnitName: namesThen.get(row.ownerUnitId) ?? row.ownerUnitName }, spanOf(term), facts.get(row.id) ?? [], asOf, date));
  }

  /**
   * An indicator as the board shows it at `asOf`, from its row and the tally of its effective
   * readings (what a write keeps of a busy indicator: server/changes/facts-ledger.ts).
   */
  stateOfTally(row: IndicatorRow, term: TermRow, tally: ReadingsTally, asOf: number): BoardIndicator {
    return this.stateFromTally(row, spanOf(term), tally, dateInZone(asOf, this.timeZone));
  }

  /**
   * Takes the states a committed write computed (changes `firstSeq`…`lastSeq` of the term, every
   * one of them an indicator's new state) instead of recomputing them. Only when the cache is at
   * the change just before, of the same term and day: otherwise the next board reads the change
   * log as before (another node's change, a board-wide one, a new day).
   */
  accept(termId: number, firstSeq: number, lastSeq: number, asOf: number, states: readonly BoardIndicator[]): void {
    const cached = this.cache;
    if (!cached || cached.termId !== termId || cached.seq !== firstSeq - 1 || cached.date !== dateInZone(asOf, this.timeZone)) return;
    const byId = new Map(cached.indicators.map((indicator) => [indicator.id, indicator]));
    const added = states.some((state) => !byId.has(state.id));
    for (const state of states) byId.set(state.id, state);
    const indicators = [...byId.values()];
    if (added || states.some((state) => state.displayOrder !== cached.indicators.find((i) => i.id === state.id)?.displayOrder)) {
      indicators.sort((a, b) => a.displayOrder - b.displayOrder || a.id - b.id);
    }
    this.cache = { termId, seq: lastSeq, date: cached.date, indicators };
  }

  private indicatorState(row: IndicatorRow, term: TermSpan, facts: readonly ReadingFact[], asOf: number, date: string): BoardIndicator {
    return this.stateFromTally(row, term, tallyOf(effectiveReadings(facts, term, asOf, date)), date);
  }

  private stateFromTally(row: IndicatorRow, term: TermSpan, tally: ReadingsTally, date: string): BoardIndicator {
    const rule = ruleOf(row);
    const progress = progressOfTally(rule, term, tally, date);
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      description: row.description,
      groupId: row.groupId,
      ownerUnit: { id: row.ownerUnitId, name: row.ownerUnitName },
      measure: rule.measure,
      aggregation: rule.aggregation,
      direction: rule.direction,
      unit: row.unitLabel,
      decimals: rule.decimals,
      updateFrequency: rule.updateFrequency,
      displayOrder: row.displayOrder,
      baseline: rule.baseline,
      target: rule.target,
      milestones: rule.milestones,
      current: valueShown(progress.current, rule.decimals),
      numerator: progress.numerator,
      denominator: progress.denominator,
      expected: valueShown(progress.expected, rule.decimals),
      progress: shareShown(progress.progress),
      expectedProgress: shareShown(progress.expectedProgress),
      status: progress.status,
      overdue: progress.overdue,
      lastReadingDate: progress.lastReadingDate,
      updatedAt: isoInstant(progress.updatedAt),
      series: seriesOfTally(rule, term, tally, date).map((point) => ({
        date: point.date,
        actual: valueShown(point.actual, rule.decimals),
        expected: valueShown(point.expected, rule.decimals),
      })),
    };
  }
}
