import { and, eq, gt, isNotNull, lte, sql } from 'drizzle-orm';
import { PreparedQuery, single, type Database } from '../db/database';
import { REPLAY_WINDOW, type ChangeKind } from './change-log.repository';
import { givingWay } from '../db/giving-way';

/** One entry of the log: what changed, and the `indicator:updated` payload as screens get it (null when none). */
export interface ChangeEntry {
  kind: ChangeKind;
  indicatorId: number | null;
  readingId: number | null;
  payload: string | null;
}

/** Every change takes its numbers with this: prepared. */
const reserve = new PreparedQuery((orm, { terms }) =>
  orm
    .update(terms)
    .set({ lastSeq: sql`${terms.lastSeq} + ${sql.placeholder('count')}` })
    .where(eq(terms.id, sql.placeholder('termId')))
    .returning({ lastSeq: terms.lastSeq }),
);

/** Entries written between two turns given to other requests. */
const ROWS_A_TURN = 500;

/**
 * Appends to the change log. Only the write pipeline (server/changes/write-pipeline.ts) and the
 * demo seed use it: tests/unit/write-pipeline-only.test.ts keeps it so, which is how every change
 * a board shows goes through the pipeline's checks, audit and publisher.
 */
export class ChangeLogWriter {
  /** @param keepsPayloads false on a lone node, which writes no payload: none to let go of. */
  constructor(
    private readonly db: Database,
    private readonly keepsPayloads = true,
  ) {}

  /**
   * Takes the term's next `count` numbers and returns the first. Call inside a write transaction:
   * the counter row serialises writers on every node, and the entries must follow in it.
   */
  async reserve(termId: number, count: number): Promise<number> {
    const { lastSeq } = single(await this.db.runPrepared(reserve, { termId, count }));
    return lastSeq - count + 1;
  }


  /**
   * Writes the entries numbered from `first` (reserved), giving way between large chunks. Payloads
   * are kept for the last REPLAY_WINDOW changes: an entry already older than that as it is written
   * (a large batch) is written without its payload, and older entries let go of theirs when a
   * hundred is crossed.
   */
  async insert(termId: number, first: number, entries: readonly ChangeEntry[], now: number): Promise<void> {
    const { changes } = this.db.tables;
    const last = first + entries.length - 1;
    const keptFrom = last - REPLAY_WINDOW + 1;
    for (let start = 0; start < entries.length; start += ROWS_A_TURN) {
      if (start > 0) await givingWay();
      await this.db.insertMany(
        changes,
        entries.slice(start, start + ROWS_A_TURN).map((entry, i) => {
          const seq = first + start + i;
          return { termId, seq, ...entry, payload: seq < keptFrom ? null : entry.payload, createdAt: now };
        }),
      );
    }
    // The unit that crossed the last hundred before `first` (B) let go of those up to
    // B - REPLAY_WINDOW, and this one wrote none too old: only those between are looked at, not
    // the term's whole log each time, nor the rows just written.
    const crossed = Math.floor((first - 1) / 100) * 100;
    const from = crossed - REPLAY_WINDOW;
    const to = Math.min(keptFrom - 1, first - 1);
    if (this.keepsPayloads && Math.floor(last / 100) > crossed / 100 && to > from) {
      await this.db.orm
        .update(changes)
        .set({ payload: null })
        .where(and(eq(changes.termId, termId), gt(changes.seq, from), lte(changes.seq, to), isNotNull(changes.payload)));
    }
  }

  /** Reserves and writes in one go: the first `seq`. */
  async append(termId: number, entries: readonly ChangeEntry[], now: number): Promise<number> {
    const first = await this.reserve(termId, entries.length);
    await this.insert(termId, first, entries, now);
    return first;
  }
}
