import { describe, expect, it } from 'vitest';
import type { IndicatorUpdate } from '../../shared/realtime/events';
import { REPLAY_WINDOW } from '../../server/changes/change-log.repository';
import { RecentUpdates } from '../../server/changes/recent-updates';

/** Updates of seqs `from`…`to` (their content does not matter here). */
const updates = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => ({ seq: from + i }) as IndicatorUpdate);
const seqs = (rows: Array<{ seq: number }>) => rows.map((row) => row.seq);

describe('the replay a lone node keeps in memory', () => {
  it('answers the updates after a seq, in order, at most `limit`, per term', async () => {
    const recent = new RecentUpdates();
    recent.add(1, updates(1, 3));
    recent.add(2, updates(1, 2));
    recent.add(1, updates(4, 6));
    expect(seqs(await recent.since(1, 2, 10))).toEqual([3, 4, 5, 6]);
    expect(seqs(await recent.since(1, 2, 2))).toEqual([3, 4]);
    expect(seqs(await recent.since(1, 6, 10))).toEqual([]);
    expect(seqs(await recent.since(2, 0, 10))).toEqual([1, 2]);
    expect(await recent.since(3, 0, 10)).toEqual([]);
  });

  it('leaves out the seqs it was given no update for: the board-wide changes', async () => {
    const recent = new RecentUpdates();
    recent.add(1, updates(1, 2));
    // seq 3 changed a group: a snapshot, no update
    recent.add(1, updates(4, 5));
    expect(seqs(await recent.since(1, 1, 4))).toEqual([2, 4, 5]);
    expect(seqs(await recent.since(1, 3, 4))).toEqual([4, 5]);
  });

  it('keeps the last REPLAY_WINDOW updates of a term, whatever the sizes of the units', async () => {
    const recent = new RecentUpdates();
    let last = 0;
    for (const size of [1, 37, 250, REPLAY_WINDOW + 250, 99, 1, 163, 7, 400, 3]) {
      recent.add(1, updates(last + 1, last + size));
      last += size;
      const kept = seqs(await recent.since(1, 0, Number.MAX_SAFE_INTEGER));
      // Let go of a hundred at a time: between the window and a hundred more.
      expect(kept.length).toBeGreaterThanOrEqual(Math.min(last, REPLAY_WINDOW));
      expect(kept.length).toBeLessThan(REPLAY_WINDOW + 100);
      expect(kept.at(-1)).toBe(last);
      expect(kept).toEqual(updates(last - kept.length + 1, last).map((update) => update.seq));
    }
  });
});
