import type { Board, BoardIndicator } from '../../shared/api/board';
import type { IndicatorRule, Milestone, ReadingFact, TermSpan } from '../../shared/indicator/model';
import { effectiveReadings, monthlySeries, progressOfEffective, termElapsed } from '../../shared/indicator/progress';
import { dateInZone } from '../../shared/time/dates';
import type { Clock } from '../clock';
import { AppError } from '../http/errors';
import type { BoardRepository, IndicatorRow, TermRow } from './board.repository';

export const OFFICE_NAME_SETTING = 'office.name';
const DEFAULT_OFFICE_NAME = 'Termboard';

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

/** Computes boards and indicator states with the shared progress logic. */
export class BoardService {
  constructor(
    private readonly repository: BoardRepository,
    private readonly clock: Clock,
    readonly timeZone: string,
  ) {}

  currentTerm(): TermRow {
    const term = this.repository.currentTerm();
    if (!term) throw new AppError('not_found', 'there is no current term');
    return term;
  }

  /** The current term's board as it stands at `asOf` (default: now). */
  board(asOf: number = this.clock.now()): Board {
    const term = this.currentTerm();
    const date = dateInZone(asOf, this.timeZone);
    const facts = this.repository.factsByIndicator(term.id);
    return {
      office: this.repository.setting<string>(OFFICE_NAME_SETTING) ?? DEFAULT_OFFICE_NAME,
      term: {
        id: term.id,
        name: term.name,
        start: term.startDate,
        end: term.endDate,
        elapsed: termElapsed(spanOf(term), date),
        closed: term.closedAt !== null,
      },
      seq: term.lastSeq,
      asOf: new Date(asOf).toISOString(),
      date,
      timeZone: this.timeZone,
      groups: this.repository.groups(term.id).map(({ id, name, displayOrder }) => ({ id, name, displayOrder })),
      indicators: this.repository
        .indicators(term.id)
        .map((row) => this.indicatorState(row, spanOf(term), facts.get(row.id) ?? [], asOf, date)),
    };
  }

  /** One indicator as the board shows it now, read afresh (after a write). */
  indicatorNow(indicatorId: number): BoardIndicator {
    const row = this.repository.indicator(indicatorId);
    const term = row && this.repository.term(row.termId);
    if (!row || !term) throw new AppError('not_found', `indicator ${indicatorId} not found`);
    const asOf = this.clock.now();
    return this.indicatorState(row, spanOf(term), this.repository.factsOfIndicator(row.id), asOf, dateInZone(asOf, this.timeZone));
  }

  private indicatorState(row: IndicatorRow, term: TermSpan, facts: readonly ReadingFact[], asOf: number, date: string): BoardIndicator {
    const rule = ruleOf(row);
    const effective = effectiveReadings(facts, term, asOf, date);
    const progress = progressOfEffective(rule, term, effective, date);
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
      current: progress.current,
      numerator: progress.numerator,
      denominator: progress.denominator,
      expected: progress.expected,
      progress: progress.progress,
      expectedProgress: progress.expectedProgress,
      status: progress.status,
      overdue: progress.overdue,
      lastReadingDate: progress.lastReadingDate,
      updatedAt: isoInstant(progress.updatedAt),
      series: monthlySeries(rule, term, effective, date),
    };
  }
}
