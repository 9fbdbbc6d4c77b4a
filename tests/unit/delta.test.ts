import { describe, expect, it } from 'vitest';
import type { Board, BoardIndicator } from '../../shared/api/board';
import { applyBatchToBoard, applyDeltaToBoard, applyIndicatorDelta, coalesceDeltas, indicatorDelta, mergeDeltas } from '../../shared/realtime/delta';

/* The delta format both ends share: applying what indicatorDelta made gives back `after` exactly. */

/** A board indicator as the server makes them: the trend's last point is the current value. */
function indicator(patch: Partial<BoardIndicator> = {}): BoardIndicator {
  const made: BoardIndicator = {
    id: 7, code: 'XDD-01', name: 'Kết nạp đảng viên mới', description: 'Mô tả dài '.repeat(40), groupId: 1,
    ownerUnit: { id: 2, name: 'Chi bộ 1' }, measure: 'count', aggregation: 'cumulative', direction: 'increase',
    unit: 'đảng viên', decimals: 0, updateFrequency: 'month', displayOrder: 1, baseline: 15, target: 20,
    milestones: [{ year: 2027, value: 8 }], current: 6, numerator: null, denominator: null, expected: 5.2,
    progress: 0.3, expectedProgress: 0.26, status: 'on_track', overdue: false, lastReadingDate: '2026-11-30',
    updatedAt: '2026-11-30T03:00:00.000Z',
    series: Array.from({ length: 18 }, (_, i) => ({ date: `${2025 + Math.floor((i + 6) / 12)}-${String(((i + 6) % 12) + 1).padStart(2, '0')}-01`, actual: i, expected: i * 0.3 })),
    ...patch,
  };
  const last = made.series.at(-1);
  return last ? { ...made, series: [...made.series.slice(0, -1), { ...last, actual: made.current }] } : made;
}

describe('indicatorDelta / applyIndicatorDelta', () => {
  it('carries the new state and only the changed trend point of a reading, in well under 500 bytes', () => {
    const before = indicator();
    const series = before.series.map((p, i) => (i === before.series.length - 1 ? { ...p, actual: 7 } : p));
    const after = indicator({ current: 7, progress: 0.35, series, updatedAt: '2026-12-01T03:00:00.000Z' });
    const delta = indicatorDelta(12, before, after, null);
    // The last point's actual is the current value, which the delta has: the point is left out.
    expect(delta.series).toEqual([]);
    expect(delta.indicator).not.toHaveProperty('description');
    expect(JSON.stringify(delta).length).toBeLessThan(500);
    expect(applyIndicatorDelta(before, delta)).toEqual(after);
  });

  it('sends every field and the whole series for an indicator new to the board', () => {
    const after = indicator();
    const delta = indicatorDelta(3, undefined, after, null);
    expect(delta.seriesReset).toBe(true);
    expect(applyIndicatorDelta(undefined, delta)).toEqual(after);
  });

  it('sends a changed definition field, and resets the series when points went away', () => {
    const before = indicator();
    const after = indicator({ description: 'Mới', milestones: [], series: before.series.slice(2) });
    const delta = indicatorDelta(4, before, after, null);
    expect(delta.indicator.description).toBe('Mới');
    expect(delta.indicator.milestones).toEqual([]);
    expect(delta.seriesReset).toBe(true);
    expect(applyIndicatorDelta(before, delta)).toEqual(after);
  });

  it('round-trips random changes', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let screen = indicator();
    let truth = screen;
    for (let seq = 1; seq <= 500; seq += 1) {
      const series = truth.series.map((p) => (random() < 0.1 ? { ...p, actual: Math.round(random() * 100) } : p));
      if (random() < 0.1) series.push({ date: `2030-${String((seq % 12) + 1).padStart(2, '0')}-15`, actual: null, expected: seq });
      series.sort((a, b) => (a.date < b.date ? -1 : 1));
      const unique = series.filter((p, i) => i === 0 || p.date !== series[i - 1]!.date);
      const next = indicator({ current: random() < 0.5 ? truth.current : seq, target: random() < 0.05 ? seq : truth.target, series: unique });
      screen = applyIndicatorDelta(screen, JSON.parse(JSON.stringify(indicatorDelta(seq, truth, next, null))));
      truth = next;
      expect(screen).toEqual(truth);
    }
  });
});

describe('coalescing and batches', () => {
  // Three changes of one indicator and one of another, as a screen would get them one by one.
  const states = (() => {
    const a0 = indicator();
    const a1 = indicator({ current: 7, series: a0.series.map((p, i) => (i === 17 ? { ...p, actual: 7 } : p)) });
    const a2 = indicator({ current: 8, series: a1.series.map((p, i) => (i === 16 ? { ...p, actual: 99 } : p)), description: 'Khác' });
    const a3 = indicator({ current: 8, series: a0.series.map((p, i) => (i === 17 ? { ...p, actual: 8 } : p)), description: 'Khác' });
    return { a0, a1, a2, a3 };
  })();
  const other = indicator({ id: 9, code: 'KTGS-02', displayOrder: 0 });
  const board = (indicators: BoardIndicator[], seq: number): Board => ({ seq, indicators }) as unknown as Board;

  it('merges deltas so that they apply to the indicator before the first or at any seq between', () => {
    const { a0, a1, a2, a3 } = states;
    const d1 = indicatorDelta(11, a0, a1, null);
    const d2 = indicatorDelta(12, a1, a2, null);
    const d3 = indicatorDelta(13, a2, a3, null); // point 16 goes back to its value at a0
    const merged = mergeDeltas(mergeDeltas(d1, d2), d3);
    expect(merged.seq).toBe(13);
    for (const start of [a0, a1, a2]) expect(applyIndicatorDelta(start, merged)).toEqual(a3);
  });

  it('sends a batch\'s further changes of one indicator (the same state object) as what an equal copy gives, and coalesces them to the first\'s effect', () => {
    const { a0, a1 } = states;
    const copy = structuredClone(a1);
    expect(indicatorDelta(12, a1, a1, null)).toEqual(indicatorDelta(12, copy, a1, null));
    const shown = [indicatorDelta(11, a0, a1, null), ...Array.from({ length: 50 }, (_, i) => indicatorDelta(12 + i, a1, a1, { id: 100 + i, date: '2026-11-30' }))];
    const [merged] = coalesceDeltas(shown);
    expect(merged!.seq).toBe(61);
    expect(merged!.reading).toEqual({ id: 149, date: '2026-11-30' });
    for (const start of [a0, a1]) expect(applyIndicatorDelta(start, merged!)).toEqual(a1);
  });

  it('keeps each indicator once, at its latest seq, in seq order', () => {
    const { a0, a1, a2 } = states;
    const changed = indicator({ ...other, current: 3 });
    const batch = coalesceDeltas([indicatorDelta(11, a0, a1, null), indicatorDelta(12, other, changed, null), indicatorDelta(13, a1, a2, null)]);
    expect(batch.map((d) => [d.indicator.id, d.seq])).toEqual([[9, 12], [7, 13]]);
    const before = board([other, a0], 10);
    expect(applyBatchToBoard(before, { since: 10, changes: batch })).toEqual(board([changed, a2], 13));
    // A board part way through (a screen that connected meanwhile) ends at the same place.
    expect(applyBatchToBoard(board([other, a1], 11), { since: 10, changes: batch })).toEqual(board([changed, a2], 13));
    expect(applyBatchToBoard(board([other, a0], 9), { since: 10, changes: batch })).toBeNull();
    expect(applyBatchToBoard(board([changed, a2], 13), { since: 10, changes: batch })).toEqual(board([changed, a2], 13));
  });

  it('puts a new or moved indicator where a fresh GET lists it (display order, then id)', () => {
    const { a0 } = states;
    const late = indicator({ id: 3, code: 'CCHC-01', displayOrder: 1 });
    const added = applyDeltaToBoard(board([other, a0], 4), indicatorDelta(5, undefined, late, null));
    expect(added.indicators.map((i) => i.id)).toEqual([9, 3, 7]);
    const moved = applyDeltaToBoard(added, indicatorDelta(6, other, { ...other, displayOrder: 5 }, null));
    expect(moved.indicators.map((i) => i.id)).toEqual([3, 7, 9]);
  });
});
