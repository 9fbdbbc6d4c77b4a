import { and, asc, eq, gt, isNotNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { changes, terms } from '../db/schema';

export type ChangeKind = 'reading' | 'correction' | 'indicator' | 'group' | 'term';

/**
 * The change log: what a board shows changed, numbered per term without gaps. Payloads of the
 * last REPLAY_WINDOW changes are kept so that a screen that missed some gets them replayed.
 */
export const REPLAY_WINDOW = 5000;

function preparedStatements(db: Db) {
  return {
    since: db
      .select({ seq: changes.seq, payload: changes.payload })
      .from(changes)
      .where(and(eq(changes.termId, sql.placeholder('termId')), gt(changes.seq, sql.placeholder('since'))))
      .orderBy(asc(changes.seq))
      .limit(sql.placeholder('limit'))
      .prepare(),
  };
}

export class ChangeLogRepository {
  private readonly statements: ReturnType<typeof preparedStatements>;

  constructor(private readonly db: Db) {
    this.statements = preparedStatements(db);
  }

  /** Appends a change to the term's log and returns its `seq`, one more than the last. Call inside a write transaction. */
  append(change: { termId: number; kind: ChangeKind; indicatorId: number | null; readingId: number | null; now: number }): number {
    const { lastSeq } = this.db
      .update(terms)
      .set({ lastSeq: sql`${terms.lastSeq} + 1` })
      .where(eq(terms.id, change.termId))
      .returning({ lastSeq: terms.lastSeq })
      .get()!;
    this.db
      .insert(changes)
      .values({ termId: change.termId, seq: lastSeq, kind: change.kind, indicatorId: change.indicatorId, readingId: change.readingId, createdAt: change.now })
      .run();
    return lastSeq;
  }

  /** Keeps the payload broadcast for a change, and forgets those that fell out of the replay window. */
  keepPayload(termId: number, seq: number, payload: string): void {
    this.db.update(changes).set({ payload }).where(and(eq(changes.termId, termId), eq(changes.seq, seq))).run();
    if (seq % 100 === 0) {
      this.db
        .update(changes)
        .set({ payload: null })
        .where(and(eq(changes.termId, termId), lte(changes.seq, seq - REPLAY_WINDOW), isNotNull(changes.payload)))
        .run();
    }
  }

  /** The changes after `since`, in seq order, at most `limit` (payload null when no longer kept). */
  since(termId: number, since: number, limit: number): Array<{ seq: number; payload: string | null }> {
    return this.statements.since.all({ termId, since, limit });
  }
}
