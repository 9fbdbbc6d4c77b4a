import { and, asc, eq, gt, isNotNull, lte, sql } from 'drizzle-orm';
import type { IndicatorUpdate } from '../../shared/realtime/events';
import { single, type Database } from '../db/database';

export type ChangeKind = 'reading' | 'correction' | 'indicator' | 'group' | 'term';

/**
 * The change log: what a board shows changed, numbered per term without gaps. Payloads of the
 * last REPLAY_WINDOW changes are kept so that a screen that missed some gets them replayed.
 */
export const REPLAY_WINDOW = 5000;

export class ChangeLogRepository {
  constructor(private readonly db: Database) {}

  /**
   * Appends a change to the term's log and returns its `seq`, one more than the last. Call inside
   * a write transaction: the counter lives in the database, so `seq` is global to every node.
   */
  async append(change: { termId: number; kind: ChangeKind; indicatorId: number | null; readingId: number | null; now: number }): Promise<number> {
    const { terms, changes } = this.db.tables;
    const { lastSeq } = single(
      await this.db.orm
        .update(terms)
        .set({ lastSeq: sql`${terms.lastSeq} + 1` })
        .where(eq(terms.id, change.termId))
        .returning({ lastSeq: terms.lastSeq }),
    );
    await this.db.orm
      .insert(changes)
      .values({ termId: change.termId, seq: lastSeq, kind: change.kind, indicatorId: change.indicatorId, readingId: change.readingId, createdAt: change.now });
    return lastSeq;
  }

  /** Keeps the update broadcast for a change, and forgets those that fell out of the replay window. */
  async keepPayload(termId: number, seq: number, update: IndicatorUpdate): Promise<void> {
    const { changes } = this.db.tables;
    await this.db.orm.update(changes).set({ payload: JSON.stringify(update) }).where(and(eq(changes.termId, termId), eq(changes.seq, seq)));
    if (seq % 100 === 0) {
      await this.db.orm
        .update(changes)
        .set({ payload: null })
        .where(and(eq(changes.termId, termId), lte(changes.seq, seq - REPLAY_WINDOW), isNotNull(changes.payload)));
    }
  }

  /** The changes after `since`, in seq order, at most `limit`, with the update broadcast for each (null when no longer kept). */
  async since(termId: number, since: number, limit: number): Promise<Array<{ seq: number; update: IndicatorUpdate | null }>> {
    const { changes } = this.db.tables;
    const rows = await this.db.orm
      .select({ seq: changes.seq, payload: changes.payload })
      .from(changes)
      .where(and(eq(changes.termId, termId), gt(changes.seq, since)))
      .orderBy(asc(changes.seq))
      .limit(limit);
    return rows.map(({ seq, payload }) => ({ seq, update: payload === null ? null : (JSON.parse(payload) as IndicatorUpdate) }));
  }
}
