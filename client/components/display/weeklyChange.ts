import type { Board } from '../../../shared/api/board';

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
