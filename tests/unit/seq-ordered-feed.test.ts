import { describe, expect, it } from 'vitest';
import type { Board } from '../../shared/api/board';
import type { IndicatorUpdate } from '../../shared/realtime/events';
import { MAX_REPLAY, SeqOrderedFeed } from '../../server/realtime/seq-ordered-feed';

/* A node's delivery to its screens: what goes out, given what arrives (from itself and through Redis). */

const update = (seq: number) => ({ seq, indicator: { id: seq % 3 }, reading: null }) as unknown as IndicatorUpdate;
const board = (seq: number) => ({ seq }) as unknown as Board;

function node(log: Map<number, IndicatorUpdate | null>, now: () => Board = () => board(Math.max(0, ...log.keys()))) {
  const out: Array<number[] | `snapshot ${number}`> = [];
  const asked: Array<[number, number]> = [];
  const errors: unknown[] = [];
  const feed = new SeqOrderedFeed(
    { changes: (changes) => out.push(changes.map((c) => c.seq)), snapshot: (b) => out.push(`snapshot ${b.seq}`) },
    {
      missed: async (since, count) => {
        asked.push([since, count]);
        return Array.from({ length: count }, (_, i) => log.get(since + 1 + i)).filter((u): u is IndicatorUpdate => !!u);
      },
      board: async () => now(),
    },
    (error) => errors.push(error),
  );
  return { feed, out, asked, errors };
}

const committed = (...seqs: number[]) => new Map<number, IndicatorUpdate | null>(seqs.map((seq) => [seq, update(seq)]));

describe('SeqOrderedFeed', () => {
  it('passes changes that arrive in order straight through, asking the log for nothing', async () => {
    const { feed, out, asked } = node(committed(1, 2, 3));
    for (const seq of [1, 2, 3]) feed.push({ kind: 'changes', changes: [update(seq)] });
    await feed.idle();
    expect(out).toEqual([[1], [2], [3]]);
    expect(asked).toEqual([]);
  });

  it('fills a gap from the change log first, and drops the late message when it comes', async () => {
    const { feed, out, asked } = node(committed(1, 2, 3, 4));
    feed.push({ kind: 'changes', changes: [update(1)] });
    feed.push({ kind: 'changes', changes: [update(4)] }); // 2 and 3 are still crossing Redis
    feed.push({ kind: 'changes', changes: [update(2)] });
    feed.push({ kind: 'changes', changes: [update(3)] });
    feed.push({ kind: 'changes', changes: [update(5)] });
    await feed.idle();
    expect(out).toEqual([[1], [2, 3, 4], [5]]);
    expect(asked).toEqual([[1, 2]]);
  });

  it('sorts a batch, and skips what the log no longer keeps (screens resync for those)', async () => {
    const log = committed(1, 2, 4);
    log.set(3, null);
    const { feed, out } = node(log);
    feed.push({ kind: 'changes', changes: [update(1)] });
    feed.push({ kind: 'changes', changes: [update(6), update(5)] });
    await feed.idle();
    expect(out).toEqual([[1], [2, 4, 5, 6]]);
  });

  it('sends a snapshot, and after it only later changes; a stale snapshot is computed again', async () => {
    const { feed, out } = node(committed(1, 2, 3, 4, 5), () => board(5));
    feed.push({ kind: 'board', board: board(3) });
    feed.push({ kind: 'changes', changes: [update(2)] });
    feed.push({ kind: 'changes', changes: [update(4)] });
    feed.push({ kind: 'changes', changes: [update(5)] });
    // Computed before 4 and 5 were delivered: sending it would take them back.
    feed.push({ kind: 'board', board: board(3) });
    // From another node: no board attached, this node computes its own.
    feed.push({ kind: 'board' });
    await feed.idle();
    expect(out).toEqual(['snapshot 3', [4], [5], 'snapshot 5', 'snapshot 5']);
  });

  it('reports a failure and goes on with the next message', async () => {
    const errors: unknown[] = [];
    const out: number[][] = [];
    let fail = true;
    const feed = new SeqOrderedFeed(
      { changes: (changes) => out.push(changes.map((c) => c.seq)), snapshot: () => undefined },
      {
        missed: async () => {
          if (fail) throw new Error('database away');
          return [];
        },
        board: async () => board(0),
      },
      (error) => errors.push(error),
    );
    feed.push({ kind: 'changes', changes: [update(1)] });
    feed.push({ kind: 'changes', changes: [update(3)] });
    await feed.idle();
    fail = false;
    feed.push({ kind: 'changes', changes: [update(2)] });
    await feed.idle();
    expect(errors).toHaveLength(1);
    expect(out).toEqual([[1], [2]]);
  });

  it('keeps what it delivered: the changes after a seq up to the last delivered, as long as they follow on', async () => {
    const log = committed(...Array.from({ length: 20 }, (_, i) => i + 1));
    log.set(12, null);
    const { feed } = node(log, () => board(30));
    const seqs = (since: number) => feed.deliveredAfter(since)?.map((u) => u.seq);
    // Nothing delivered yet: any board is as new as this node's screens.
    expect(feed.delivered).toBeUndefined();
    expect(seqs(3)).toEqual([]);
    for (const seq of [4, 5, 6, 8, 7]) feed.push({ kind: 'changes', changes: [update(seq)] });
    await feed.idle();
    expect(feed.delivered).toBe(8);
    expect(seqs(4)).toEqual([5, 6, 7, 8]);
    expect(seqs(6)).toEqual([7, 8]);
    expect(seqs(8)).toEqual([]);
    expect(seqs(9)).toEqual([]);
    // Before the first change this node delivered: not kept.
    expect(seqs(2)).toBeUndefined();
    // A gap the log could not fill (12 is no longer kept): nothing before it can be replayed.
    feed.push({ kind: 'changes', changes: [update(14)] });
    await feed.idle();
    expect(feed.delivered).toBe(14);
    expect(seqs(12)).toEqual([13, 14]);
    expect(seqs(10)).toBeUndefined();
    // A board-wide change: nothing before its snapshot either.
    feed.push({ kind: 'board', board: board(16) });
    feed.push({ kind: 'changes', changes: [update(17)] });
    await feed.idle();
    expect(seqs(16)).toEqual([17]);
    expect(seqs(14)).toBeUndefined();
  });

  it(`keeps the last ${MAX_REPLAY} changes it delivered, at least`, async () => {
    const { feed } = node(new Map());
    const last = 3 * MAX_REPLAY;
    for (let seq = 1; seq <= last; seq++) feed.push({ kind: 'changes', changes: [update(seq)] });
    await feed.idle();
    expect(feed.deliveredAfter(last - MAX_REPLAY)?.map((u) => u.seq)).toEqual(Array.from({ length: MAX_REPLAY }, (_, i) => last - MAX_REPLAY + 1 + i));
    expect(feed.deliveredAfter(MAX_REPLAY)).toBeUndefined();
  });

  it('counts a change as delivered only once it is sent: not while the gap before it is read', async () => {
    let release: () => void = () => undefined;
    const out: number[][] = [];
    const feed = new SeqOrderedFeed(
      { changes: (changes) => out.push(changes.map((c) => c.seq)), snapshot: () => undefined },
      { missed: (since, count) => new Promise((resolve) => (release = () => resolve(Array.from({ length: count }, (_, i) => update(since + 1 + i))))), board: async () => board(0) },
      () => undefined,
    );
    feed.push({ kind: 'changes', changes: [update(1)] });
    feed.push({ kind: 'changes', changes: [update(5), update(2)] });
    await new Promise((resolve) => setTimeout(resolve, 10));
    // 3 and 4 are being read from the log, 2 waits with them: a screen joining now is given
    // nothing past 1 from here, and gets 2 to 5 from its room.
    expect(feed.delivered).toBe(1);
    expect(feed.deliveredAfter(0)?.map((u) => u.seq)).toEqual([1]);
    release();
    await feed.idle();
    expect(out).toEqual([[1], [2, 3, 4, 5]]);
    expect(feed.deliveredAfter(1)?.map((u) => u.seq)).toEqual([2, 3, 4, 5]);
  });
});
