import type { ReadingFact, TermSpan } from '../../shared/indicator/model';
import { effectiveReadings, tallyOf, tallyWith, type ReadingsTally } from '../../shared/indicator/progress';
import { givingWay } from '../db/giving-way';

/** An indicator's effective readings (those `effectiveReadings` gives, in the order they came) and their tally. */
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
 * ~2 µs a row to read, more to sort). The kept lists hold exactly the readings `effectiveReadings`
 * gives for the rows, unsorted: a tally does not depend on the order, and placing each reading in
 * a sorted list of 20,000 cost a tenth of the event loop under bench:screens. Their tallies (sums,
 * the last reading, per month) take each new reading in, so that the state costs the term's
 * months rather than the indicator's history.
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

/** Up to this many new readings of an indicator are taken in one by one; more go through `effectiveReadings` together. */
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
      // The list has no order to keep: the last reading takes the replaced one's place.
      if (index >= 0) ((next[index] = next.at(-1)!), next.pop(), (replaced = true));
    }
    if (fact.createdAt > asOf || fact.date < term.start || fact.date > term.end || fact.date > date) continue;
    next.push(fact);
    counted.push(fact);
  }
  // A correction takes a counted reading out: the tally is made again (corrections are few).
  return { effective: next, tally: replaced ? tallyOf(next) : tallyWith(kept.tally, counted) };
}

function keptOf(effective: ReadingFact[]): KeptReadings {
  return { effective, tally: tallyOf(effective) };
}
