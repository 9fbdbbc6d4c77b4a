import type { Board, BoardIndicator } from '../../../../shared/api/board';
import type { Reading, ReadingInput } from '../../../../shared/api/readings';
import type { IndicatorRule, ReadingFact } from '../../../../shared/indicator/model';
import { computeProgress, type Progress } from '../../../../shared/indicator/progress';

/** What the progress rule needs of a board indicator. */
export function ruleOf(indicator: BoardIndicator): IndicatorRule {
  const { measure, aggregation, direction, baseline, target, milestones, updateFrequency, decimals } = indicator;
  return { measure, aggregation, direction, baseline, target, milestones, updateFrequency, decimals };
}

export function factOf(reading: Reading): ReadingFact {
  return {
    id: reading.id,
    date: reading.date,
    value: reading.value,
    numerator: reading.numerator,
    denominator: reading.denominator,
    createdAt: Date.parse(reading.createdAt),
    supersedesId: reading.supersedesId,
  };
}

export interface ProgressChange {
  before: Progress;
  after: Progress;
}

/**
 * The indicator's progress now, and as it would be with `input` recorded now: the same
 * `computeProgress` as the server, the screens and the export. "Now" is this computer's clock,
 * but never earlier than the newest reading's recording time: a clock running a little behind
 * the server's must not leave a reading just recorded out of the count.
 */
export function progressChange(indicator: BoardIndicator, board: Board, readings: readonly Reading[], input: ReadingInput, now: number): ProgressChange {
  const facts = readings.map(factOf);
  const asOf = facts.reduce((latest, fact) => Math.max(latest, fact.createdAt), now);
  const hypothetical: ReadingFact = {
    id: -1,
    date: input.date,
    value: input.value ?? null,
    numerator: input.numerator ?? null,
    denominator: input.denominator ?? null,
    createdAt: asOf,
    supersedesId: input.supersedes ?? null,
  };
  const common = { rule: ruleOf(indicator), term: { start: board.term.start, end: board.term.end }, asOf, timeZone: board.timeZone };
  return {
    before: computeProgress({ ...common, readings: facts }),
    after: computeProgress({ ...common, readings: [...facts, hypothetical] }),
  };
}
