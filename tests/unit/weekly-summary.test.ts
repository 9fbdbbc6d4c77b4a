import { describe, expect, it } from 'vitest';
import type { Board, BoardIndicator } from '../../shared/api/board';
import type { Status } from '../../shared/indicator/model';
import { isWorse, weeklySummary } from '../../shared/report/weekly';

/** An indicator with only what the summary reads; the rest of the board's fields do not matter here. */
function indicator(id: number, status: Status, current: number | null, extra: Partial<BoardIndicator> = {}): BoardIndicator {
  return { id, code: `XDD-0${id}`, name: `Chỉ tiêu ${id}`, status, current, decimals: 0, baseline: 0, target: 100, overdue: false, ...extra } as BoardIndicator;
}
const board = (indicators: BoardIndicator[]) => ({ indicators }) as unknown as Board;

describe('isWorse', () => {
  it.each([
    ['achieved', 'on_track', true],
    ['on_track', 'off_track', true],
    ['at_risk', 'off_track', true],
    ['off_track', 'at_risk', false],
    ['on_track', 'on_track', false],
    ['no_data', 'off_track', false],
    ['on_track', 'no_data', false],
  ] as const)('%s → %s: %s', (from, to, worse) => {
    expect(isWorse(from, to)).toBe(worse);
  });
});

describe('weeklySummary', () => {
  const before = board([indicator(1, 'on_track', 40), indicator(2, 'at_risk', 10), indicator(3, 'no_data', null), indicator(4, 'on_track', 50, { target: 1000 })]);
  const now = board([
    indicator(1, 'at_risk', 42),
    indicator(2, 'on_track', 30),
    indicator(3, 'no_data', null, { overdue: true }),
    indicator(4, 'on_track', 60, { target: 1000 }),
  ]);

  it('counts the statuses now and a week before', () => {
    const summary = weeklySummary(now, before);
    expect(summary.counts).toEqual({ achieved: 0, on_track: 2, at_risk: 1, off_track: 0, no_data: 1 });
    expect(summary.countsBefore).toEqual({ achieved: 0, on_track: 2, at_risk: 1, off_track: 0, no_data: 1 });
  });

  it('names the status changes, worse or better, and the overdue indicators', () => {
    const summary = weeklySummary(now, before);
    expect(summary.statusChanges.map((c) => [c.indicator.code, c.from, c.to, c.worse])).toEqual([
      ['XDD-01', 'on_track', 'at_risk', true],
      ['XDD-02', 'at_risk', 'on_track', false],
    ]);
    expect(summary.overdue.map((i) => i.code)).toEqual(['XDD-03']);
  });

  it('ranks the movers by their change against the distance from baseline to target', () => {
    // +20 of 100 (20 %), then +2 of 100 (2 %), then +10 of 1,000 (1 %).
    const summary = weeklySummary(now, before);
    expect(summary.movers.map((m) => [m.indicator.code, m.change])).toEqual([
      ['XDD-02', { kind: 'up', amount: 20 }],
      ['XDD-01', { kind: 'up', amount: 2 }],
      ['XDD-04', { kind: 'up', amount: 10 }],
    ]);
    expect(weeklySummary(now, before, 1).movers).toHaveLength(1);
  });

  it('has no week before at the start of a term', () => {
    const summary = weeklySummary(now, undefined);
    expect(summary.countsBefore).toBeNull();
    expect(summary.statusChanges).toEqual([]);
    expect(summary.movers).toEqual([]);
  });
});
