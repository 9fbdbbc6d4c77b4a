import { describe, expect, it } from 'vitest';
import { FactsLedger } from '../../server/changes/facts-ledger';
import type { ReadingFact } from '../../shared/indicator/model';
import { compareReadings, effectiveReadings, tallyOf } from '../../shared/indicator/progress';

/* The write pipeline's kept readings are exactly those effectiveReadings gives for all the rows (in the order they came), and their tallies what tallyOf gives for those. */

const sorted = (facts: readonly ReadingFact[]) => [...facts].sort(compareReadings);

const TERM = { start: '2025-01-01', end: '2029-12-31' };
const TODAY = '2026-11-28';

function generator(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((state / 2 ** 31) * below);
  };
}

describe('FactsLedger', () => {
  it('keeps, reading by reading and correction by correction, what effectiveReadings computes from every row, and its tally', async () => {
    const random = generator(7);
    const ledger = new FactsLedger();
    const rows = new Map<number, ReadingFact[]>([[1, []], [2, []]]);
    let seq = 0;
    let id = 0;
    let now = Date.parse('2026-11-28T03:00:00Z');
    for (let unit = 0; unit < 400; unit++) {
      // A unit writes 1–3 readings or corrections, of one or both indicators, at one instant.
      const written: Array<{ indicatorId: number; fact: ReadingFact }> = [];
      now += 1 + random(3);
      // Now and then a batch (an import): sorted in together rather than placed one by one.
      for (let n = unit % 50 === 49 ? 150 : 1 + random(3); n > 0; n--) {
        const indicatorId = 1 + random(2);
        const own = rows.get(indicatorId)!;
        const corrects = own.length > 0 && random(4) === 0 ? own[random(own.length)]!.id : null;
        // Some dates out of the term or after today: never counted.
        const date = random(20) === 0 ? '2024-06-30' : random(20) === 0 ? '2026-12-15' : `2026-${String(1 + random(11)).padStart(2, '0')}-${String(1 + random(28)).padStart(2, '0')}`;
        const ratio = random(2) === 0;
        const fact: ReadingFact = { id: ++id, date, value: ratio ? null : random(100), numerator: ratio ? random(50) : null, denominator: ratio ? 50 : null, createdAt: now, supersedesId: corrects };
        own.push(fact);
        written.push({ indicatorId, fact });
      }
      const first = seq + 1;
      seq += written.length;
      ledger.reserved(9, first, seq, TODAY);
      const ids = [...new Set(written.map((w) => w.indicatorId))];
      const added = ids.map((indicatorId) => written.filter((w) => w.indicatorId === indicatorId).map((w) => w.fact));
      const kept = await ledger.effectiveOf(9, TERM, ids, added, now, async (missing) => new Map(missing.map((m) => [m, [...rows.get(m)!]])));
      for (const indicatorId of ids) {
        const effective = effectiveReadings(rows.get(indicatorId)!, TERM, now, TODAY);
        expect(sorted(kept.get(indicatorId)!.effective)).toEqual(effective);
        expect(kept.get(indicatorId)!.tally).toEqual(tallyOf(effective));
      }
    }
  });

  it('forgets what it kept when the numbers do not follow on, or the day changed', async () => {
    const ledger = new FactsLedger();
    const fact = (id: number): ReadingFact => ({ id, date: '2026-11-01', value: 1, numerator: null, denominator: null, createdAt: 0, supersedesId: null });
    let loads = 0;
    const load = async (ids: readonly number[]) => (loads++, new Map(ids.map((i) => [i, [fact(100)]])));
    ledger.reserved(9, 1, 1, TODAY);
    await ledger.effectiveOf(9, TERM, [1], [[fact(1)]], 10, load);
    ledger.reserved(9, 2, 2, TODAY);
    expect(sorted((await ledger.effectiveOf(9, TERM, [1], [[fact(2)]], 10, load)).get(1)!.effective)).toEqual([fact(2), fact(100)]); // same date and instant: by id
    expect(loads).toBe(1);
    ledger.reserved(9, 4, 4, TODAY); // seq 3 was another node's (or rolled back)
    await ledger.effectiveOf(9, TERM, [1], [[fact(4)]], 10, load);
    expect(loads).toBe(2);
    ledger.reserved(9, 5, 5, '2026-11-29');
    await ledger.effectiveOf(9, TERM, [1], [[fact(5)]], 10, load);
    expect(loads).toBe(3);
  });
});
