import type { IndicatorUpdate } from '../../shared/realtime/events';
import { REPLAY_WINDOW, type ReplaySource } from './change-log.repository';

/**
 * The updates of each term's last REPLAY_WINDOW changes, in memory, for a node that is alone on
 * its database (docs/decisions.md, "A lone node keeps the replay in memory"). Filled by the write
 * pipeline once a unit has committed, in commit order; a change that carries no update (a
 * board-wide one) is absent, and so is everything before the node started: a screen whose replay
 * would cross one gets a snapshot.
 */
export class RecentUpdates implements ReplaySource {
  private readonly terms = new Map<number, IndicatorUpdate[]>();

  add(termId: number, updates: readonly IndicatorUpdate[]): void {
    if (updates.length === 0) return;
    let kept = this.terms.get(termId);
    if (!kept) this.terms.set(termId, (kept = []));
    for (const update of updates.length > REPLAY_WINDOW ? updates.slice(-REPLAY_WINDOW) : updates) kept.push(update);
    // Let go of the oldest a hundred at a time, not one by one.
    if (kept.length >= REPLAY_WINDOW + 100) kept.splice(0, kept.length - REPLAY_WINDOW);
  }

  async since(termId: number, since: number, limit: number): Promise<Array<{ seq: number; update: IndicatorUpdate }>> {
    const kept = this.terms.get(termId) ?? [];
    // The first kept after `since`: kept in seq order.
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (kept[middle]!.seq <= since) low = middle + 1;
      else high = middle;
    }
    return kept.slice(low, low + limit).map((update) => ({ seq: update.seq, update }));
  }
}
