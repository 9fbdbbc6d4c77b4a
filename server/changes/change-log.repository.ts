import { and, asc, eq, gt } from 'drizzle-orm';
import type { IndicatorUpdate } from '../../shared/realtime/events';
import type { Database } from '../db/database';

export type ChangeKind = 'reading' | 'correction' | 'indicator' | 'group' | 'term';

/**
 * The change log: what a board shows changed, numbered per term without gaps. When nodes share
 * the database, the payloads of the last REPLAY_WINDOW changes are kept so that a node can fill a
 * gap in what reaches it from the others (server/realtime/seq-ordered-feed.ts). Twice MAX_REPLAY:
 * every payload kept is one to clear later, and a large import clears a window's worth of them in
 * its transaction.
 */
export const REPLAY_WINDOW = 1000;

/**
 * Reads the change log; only the write pipeline appends to it (change-log.writer.ts). A lone node
 * writes no payload: it has no other node's changes to wait for.
 */
export class ChangeLogRepository {
  constructor(private readonly db: Database) {}

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
