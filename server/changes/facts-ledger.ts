import type { ReadingFact, TermSpan } from '../../shared/indicator/model';
import { compareReadings, effectiveReadings, tallyOf, tallyWith, type ReadingsTally } from '../../shared/indicator/progress';
import { givingWay } from '../db/giving-way';

/** An indicator's effective readings (`effectiveReadings`: counted, sorted) and their tally. */
export interface KeptReadings {
  effective: ReadingFact[];
  tally: ReadingsTally;
}

interface Kept {
  seq: number;
  /** The board date the readings were kept for: another day forgets them (status and "effective" depend on it). */
  date: string;
  /** Per indicator, its effective readings and their tally at `seq`. */
  effective: Map<number, KeptReadings>;
}

/**
 * The effective readings of the indicators the write pipeline computed lately, kept in memory:
 * a reading then computes its indicator from what was kept plus itself, instead of reading every
 * row of the indicator again and filtering and sorting them (thousands for a busy indicator:
 * ~2 µs a row to read, more to sort). The kept lists are exactly what `effectiveReadings` gives
 * for the rows, in the same order; their tallies (sums, the last reading, per month) take each
 * new reading in, so that the state costs the term's months rather than the indicator's history.
 *
 * Kept readings are exact as long as the term's change log grows by this process's units alone:
 * every reading is written with its change-log entry, so the readings at `seq` are those of the
 * changes up to `seq`. Every unit tells the ledger the numbers it reserved, inside its
 * transaction (`reserved`); a number that does not follow the last one (another node wrote, a
 * unit rolled back and the counter went back with it, the seed) or another day forgets what the
 * term kept.
 */
export class FactsLedger {
  private readonly terms = new Map<number, Kept>();

  /** A unit took `first`…`last` of the term's numbers on board date `date`. */
  reserved(termId: number, first: number, last: number, date: string): void {
    const kept = this.terms.get(termId);
    if (kept && kept.seq === first - 1 && kept.date === date) kept.seq = last;
    else this.terms.set(termId, { seq: last, date, effective: new Map() });
  }

  /**
   * The effective readings of `ids` at `asOf` once the unit's own readings (`added[i]` for
   * `ids[i]`, in the order written) are counted: call after `reserved` for the unit's changes.
   * Indicators not kept are loaded (`load` reads the database, where the unit's rows already
   * are) and kept from now on.
   */
  async effectiveOf(
    termId: number,
    term: TermSpan,
    ids: readonly number[],
    added: readonly ReadingFact[][],
    asOf: number,
    load: (ids: readonly number[]) => Promise<Map<number, ReadingFact[]>>,
  ): Promise<Map<number, KeptReadings>> {
    const kept = this.terms.get(termId);
    if (!kept) throw new Error('effectiveOf before reserved');
    const result = new Map<number, KeptReadings>();
    const missing: number[] = [];
    for (const [i, id] of ids.entries()) {
      const effective = kept.effective.get(id);
      const news = added[i] ?? [];
      if (!effective) {
        missing.push(id);
        continue;
      }
      // A large batch goes through the indicator's whole list (~5 ms for 50,000 readings): the
      // other requests get their turn between indicators.
      if (news.length > PLACED_ONE_BY_ONE) await givingWay();
      result.set(id, withReadings(effective, news, term, asOf, kept.date));
    }
    if (missing.length > 0) {
      const loaded = await load(missing);
      for (const id of missing) {
        await givingWay();
        result.set(id, keptOf(effectiveReadings(loaded.get(id) ?? [], term, asOf, kept.date)));
      }
    }
    for (const [id, effective] of result) kept.effective.set(id, effective);
    return result;
  }
}

/** Up to this many new readings of an indicator are placed one by one; more are sorted in together. */
const PLACED_ONE_BY_ONE = 64;

/** `kept` with new readings counted as `effectiveReadings` would: a correction takes its reading's place. */
function withReadings(kept: KeptReadings, added: readonly ReadingFact[], term: TermSpan, asOf: number, date: string): KeptReadings {
  if (added.length === 0) return kept;
  // A large batch: filtered and sorted together, once (the kept ones already passed the filters,
  // and none of them replaces another).
  if (added.length > PLACED_ONE_BY_ONE) return keptOf(effectiveReadings(kept.effective.concat(added), term, asOf, date));
  // In place: copying a busy indicator's list for each reading cost more than its state. What was
  // kept is never read again if the unit rolls back (the term's numbers then do not follow on).
  const next = kept.effective;
  const counted: ReadingFact[] = [];
  let replaced = false;
  for (const fact of added) {
    if (fact.supersedesId !== null) {
      const index = next.findIndex((r) => r.id === fact.supersedesId);
      if (index >= 0) (next.splice(index, 1), (replaced = true));
    }
    if (fact.createdAt > asOf || fact.date < term.start || fact.date > term.end || fact.date > date) continue;
    next.splice(insertionPoint(next, fact), 0, fact);
    counted.push(fact);
  }
  // A correction takes a counted reading out: the tally is made again (corrections are few).
  return { effective: next, tally: replaced ? tallyOf(next) : tallyWith(kept.tally, counted) };
}

function keptOf(effective: ReadingFact[]): KeptReadings {
  return { effective, tally: tallyOf(effective) };
}

/** Where `fact` goes in sorted `list` (after its equals: a later id sorts after). */
function insertionPoint(list: readonly ReadingFact[], fact: ReadingFact): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareReadings(list[middle]!, fact) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}
