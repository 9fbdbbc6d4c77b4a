import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Board, BoardIndicator } from '../../shared/api/board';
import type { DeltaBatch, IndicatorDelta } from '../../shared/realtime/delta';
import type { IndicatorUpdate } from '../../shared/realtime/events';
import { ScreenDelivery } from '../../server/realtime/screen-delivery';

/* What a node sends its screens, given full-state changes in seq order; the clock is faked. */

const series = [{ date: '2026-11-30', actual: 1, expected: 1 }, { date: '2026-12-02', actual: 1, expected: 2 }];
const state = (id: number, current: number): BoardIndicator =>
  ({ id, code: `I-${id}`, description: 'Mô tả dài '.repeat(50), displayOrder: id, current, series: series.map((p, i) => (i === 1 ? { ...p, actual: current } : p)) }) as unknown as BoardIndicator;
const update = (seq: number, id: number, current: number): IndicatorUpdate => ({ seq, indicator: state(id, current), reading: null });

function delivery() {
  const sent: Array<IndicatorDelta | DeltaBatch | `snapshot ${number}`> = [];
  const screens = new ScreenDelivery(
    { delta: (d) => sent.push(d), batch: (b) => sent.push(b), snapshot: (b) => sent.push(`snapshot ${b.seq}`) },
    { minMs: 15, maxMs: 100 },
    () => Date.now(),
  );
  return { screens, sent };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('ScreenDelivery', () => {
  it('sends a change after a quiet spell at once; under a burst one batch a window, each indicator once', () => {
    const { screens, sent } = delivery();
    screens.snapshot({ seq: 10, indicators: [state(1, 0), state(2, 0)] } as unknown as Board);
    screens.changes([update(11, 1, 5)]);
    expect(sent).toHaveLength(2);
    const first = sent[1] as IndicatorDelta;
    expect(first.seq).toBe(11);
    expect(first.indicator).not.toHaveProperty('description'); // a delta from the snapshot's state
    screens.changes([update(12, 2, 1)]);
    screens.changes([update(13, 1, 6), update(14, 1, 7)]);
    expect(sent).toHaveLength(2);
    vi.advanceTimersByTime(15);
    expect(sent).toHaveLength(3);
    const batch = sent[2] as DeltaBatch;
    expect(batch.since).toBe(11);
    expect(batch.changes.map((d) => [d.indicator.id, d.seq, d.indicator.current])).toEqual([[2, 12, 1], [1, 14, 7]]);
    // Three changes in that send: the window is now three times as long.
    screens.changes([update(15, 2, 2)]);
    vi.advanceTimersByTime(44);
    expect(sent).toHaveLength(3);
    vi.advanceTimersByTime(1);
    expect(sent).toHaveLength(4);
  });

  it('does not hold back a change that comes a window after the last send', () => {
    const { screens, sent } = delivery();
    screens.changes([update(1, 1, 1)]);
    vi.advanceTimersByTime(15);
    screens.changes([update(2, 1, 2)]);
    expect(sent).toHaveLength(2);
  });

  it('does not cover a seq it never had: what waits goes out before a gap', () => {
    const { screens, sent } = delivery();
    screens.changes([update(1, 1, 1)]);
    screens.changes([update(2, 1, 2), update(4, 1, 4)]);
    expect(sent).toHaveLength(2); // seq 2 alone, before the gap
    expect((sent[1] as IndicatorDelta).seq).toBe(2);
    vi.advanceTimersByTime(15);
    expect((sent[2] as IndicatorDelta).seq).toBe(4);
  });

  it('drops what waits when a snapshot goes out, and sends the next change as a delta from it', () => {
    const { screens, sent } = delivery();
    screens.changes([update(1, 1, 1)]);
    screens.changes([update(2, 1, 2)]);
    screens.snapshot({ seq: 2, indicators: [state(1, 2)] } as unknown as Board);
    vi.advanceTimersByTime(100);
    expect(sent.slice(1)).toEqual(['snapshot 2']);
    screens.changes([update(3, 1, 3)]);
    vi.advanceTimersByTime(15);
    // A delta from the snapshot's state: only the current value changed (the trend's last point follows it).
    expect(sent[2]).toMatchObject({ seq: 3, indicator: { current: 3 }, series: [] });
    expect((sent[2] as IndicatorDelta).seriesReset).toBeUndefined();
  });
});
