import type { Board, BoardIndicator } from '../api/board';
import { STATUSES, type Status } from '../indicator/model';

/** How an indicator moved since the board of a week before (the export's annotation). */
export type WeeklyChange = { kind: 'up' | 'down'; amount: number } | { kind: 'same' | 'first' };

/** Per indicator id: the change of its current value (in its unit; percentage points for ratios). */
export function weeklyChanges(board: Board, previous: Board): Map<number, WeeklyChange> {
  const before = new Map(previous.indicators.map((indicator) => [indicator.id, indicator.current]));
  const changes = new Map<number, WeeklyChange>();
  for (const indicator of board.indicators) {
    if (indicator.current === null) continue;
    const then = before.get(indicator.id);
    if (then === undefined || then === null) {
      changes.set(indicator.id, { kind: 'first' });
      continue;
    }
    // Compared as displayed: a change smaller than the last shown decimal is no change.
    const factor = 10 ** indicator.decimals;
    const delta = Math.round((indicator.current - then) * factor) / factor;
    changes.set(indicator.id, delta === 0 ? { kind: 'same' } : { kind: delta > 0 ? 'up' : 'down', amount: Math.abs(delta) });
  }
  return changes;
}

/** From best to worst: a status later in this list is worse. `no_data` is outside the scale. */
export const STATUS_SCALE: readonly Status[] = ['achieved', 'on_track', 'at_risk', 'off_track'];

/** True when `to` is worse than `from` on the scale achieved → on_track → at_risk → off_track. */
export function isWorse(from: Status, to: Status): boolean {
  const before = STATUS_SCALE.indexOf(from);
  const after = STATUS_SCALE.indexOf(to);
  return before >= 0 && after >= 0 && after > before;
}

export interface StatusChange {
  indicator: BoardIndicator;
  from: Status;
  to: Status;
  worse: boolean;
}

export interface Mover {
  indicator: BoardIndicator;
  change: { kind: 'up' | 'down'; amount: number };
}

/** What a leader reads first about a week: the counts, what changed status, what moved most, what is late. */
export interface WeeklySummary {
  counts: Record<Status, number>;
  /** The counts a week before; null when there was no board then (before the term). */
  countsBefore: Record<Status, number> | null;
  statusChanges: StatusChange[];
  /** The largest changes of value, measured against each indicator's distance from baseline to target. */
  movers: Mover[];
  overdue: BoardIndicator[];
}

function countStatuses(board: Board): Record<Status, number> {
  const counts = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<Status, number>;
  for (const indicator of board.indicators) counts[indicator.status] += 1;
  return counts;
}

/** The week's summary of `board` against `previous` (the board a week before, if any), in display order. */
export function weeklySummary(board: Board, previous: Board | undefined, moversShown = 3): WeeklySummary {
  const before = new Map(previous?.indicators.map((indicator) => [indicator.id, indicator]) ?? []);
  const statusChanges: StatusChange[] = [];
  for (const indicator of board.indicators) {
    const then = before.get(indicator.id);
    if (then && then.status !== indicator.status) statusChanges.push({ indicator, from: then.status, to: indicator.status, worse: isWorse(then.status, indicator.status) });
  }
  const changes = previous ? weeklyChanges(board, previous) : new Map<number, WeeklyChange>();
  const movers = board.indicators
    .flatMap((indicator): Array<Mover & { weight: number }> => {
      const change = changes.get(indicator.id);
      if (change?.kind !== 'up' && change?.kind !== 'down') return [];
      const span = Math.abs(indicator.target - indicator.baseline) || Math.abs(indicator.target) || 1;
      return [{ indicator, change, weight: change.amount / span }];
    })
    .sort((a, b) => b.weight - a.weight)
    .slice(0, moversShown)
    .map(({ indicator, change }) => ({ indicator, change }));
  return {
    counts: countStatuses(board),
    countsBefore: previous ? countStatuses(previous) : null,
    statusChanges,
    movers,
    overdue: board.indicators.filter((indicator) => indicator.overdue),
  };
}

/** The board of a week before as the report compares with it: none when the term had not begun by then. */
export function weekBefore(previous: Board): Board | undefined {
  return previous.term.start <= previous.date ? previous : undefined;
}
