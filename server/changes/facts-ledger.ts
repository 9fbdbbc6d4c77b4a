import type { ReadingFact } from '../../shared/indicator/model';

/**
 * The reading facts of the indicators the write pipeline computed lately, kept in memory so that
 * a reading computes its indicator from the facts it had plus its own, instead of reading all of
 * them again (thousands of rows for a busy indicator: ~2 µs each).
 *
 * Kept facts are exact as long as the term's change log grows by this process's units alone:
 * every reading is written with its change-log entry, so the facts at `seq` are those of the
 * changes up to `seq`. Every unit tells the ledger the numbers it reserved, inside its
 * transaction (`reserved`); a number that does not follow the last one (another node wrote, a
 * unit rolled back and the counter went back with it, the seed) forgets what the term kept.
 */
export class FactsLedger {
  private readonly terms = new Map<number, { seq: number; facts: Map<number, ReadingFact[]> }>();

  /** A unit took `first`…`last` of the term's numbers. */
  reserved(termId: number, first: number, last: number): void {
    const kept = this.terms.get(termId);
    if (kept && kept.seq === first - 1) kept.seq = last;
    else this.terms.set(termId, { seq: last, facts: new Map() });
  }

  /**
   * The facts of `ids` once the unit's own readings (`added`, not in the ledger yet) are counted:
   * call after `reserved` for the unit's changes. Indicators not kept are loaded (`load` reads the
   * database, where the unit's rows already are) and kept from now on.
   */
  async factsOf(
    termId: number,
    ids: readonly number[],
    added: readonly ReadingFact[][],
    load: (ids: readonly number[]) => Promise<Map<number, ReadingFact[]>>,
  ): Promise<Map<number, ReadingFact[]>> {
    const kept = this.terms.get(termId);
    if (!kept) throw new Error('factsOf before reserved');
    const result = new Map<number, ReadingFact[]>();
    const missing: number[] = [];
    ids.forEach((id, i) => {
      const facts = kept.facts.get(id);
      if (facts) result.set(id, facts.concat(added[i] ?? []));
      else missing.push(id);
    });
    if (missing.length > 0) for (const [id, facts] of await load(missing)) result.set(id, facts);
    for (const [id, facts] of result) kept.facts.set(id, facts);
    return result;
  }
}
