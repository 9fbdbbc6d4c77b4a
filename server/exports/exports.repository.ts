import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import { single, type Database } from '../db/database';
import type * as schema from '../db/schema';

export type ExportRow = typeof schema.exports.$inferSelect;
export type ExportStatus = 'queued' | 'running' | 'done' | 'failed';

/**
 * Exports and their state. Every write runs in a transaction: the caller's when there is one (it
 * joins it), else one of its own.
 */
export class ExportsRepository {
  constructor(private readonly db: Database) {}

  /** Runs `work` in one write transaction (see Database.transaction). */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /**
   * Queues an export. For a scheduled slot the unique index makes this the one export of the
   * slot: undefined when another start (or node) queued it first. Write transactions run one at a
   * time across every process on the database, and the insert does nothing on a taken slot.
   */
  queue(input: { kind: 'scheduled' | 'on_demand'; slot: number | null; asOf: number; week: string; requestedByUserId: number | null; now: number }): Promise<number | undefined> {
    const { exports } = this.db.tables;
    return this.db.transaction(async () => {
      const claimed = await this.db.orm
        .insert(exports)
        .values({ ...input, status: 'queued', createdAt: input.now })
        .onConflictDoNothing({ target: exports.slot })
        .returning({ id: exports.id });
      return claimed[0]?.id;
    });
  }

  async find(id: number): Promise<ExportRow | undefined> {
    const { exports } = this.db.tables;
    return (await this.db.orm.select().from(exports).where(eq(exports.id, id)).limit(1))[0];
  }

  async list(limit: number): Promise<ExportRow[]> {
    const { exports } = this.db.tables;
    return this.db.orm.select().from(exports).orderBy(desc(exports.id)).limit(limit);
  }

  async hasSlot(slot: number): Promise<boolean> {
    const { exports } = this.db.tables;
    return (await this.db.orm.select({ id: exports.id }).from(exports).where(eq(exports.slot, slot)).limit(1)).length > 0;
  }

  /**
   * Marks a queued export running: false when it is not queued (done, or taken by another node
   * that had it queued too), so that one node renders it.
   */
  start(id: number, now: number): Promise<boolean> {
    const { exports } = this.db.tables;
    return this.db.transaction(async () => {
      const started = await this.db.orm
        .update(exports)
        .set({ status: 'running', startedAt: now, error: null })
        .where(and(eq(exports.id, id), eq(exports.status, 'queued')))
        .returning({ id: exports.id });
      return started.length === 1;
    });
  }

  finish(id: number, now: number, outcome: { status: 'done'; files: string } | { status: 'failed'; error: string }): Promise<void> {
    const { exports } = this.db.tables;
    return this.db.transaction(async () => {
      await this.db.orm
        .update(exports)
        .set(outcome.status === 'done' ? { status: 'done', files: outcome.files, finishedAt: now } : { status: 'failed', error: outcome.error, finishedAt: now })
        .where(eq(exports.id, id));
    });
  }

  /** Exports a stop interrupted (queued or running): to run again. */
  async unfinished(): Promise<ExportRow[]> {
    const { exports } = this.db.tables;
    return this.db.orm.select().from(exports).where(inArray(exports.status, ['queued', 'running']));
  }

  requeue(id: number): Promise<void> {
    const { exports } = this.db.tables;
    return this.db.transaction(async () => {
      await this.db.orm.update(exports).set({ status: 'queued', startedAt: null }).where(eq(exports.id, id));
    });
  }

  /** Finished exports made before `instant` (by when they were made, not what they show). */
  async madeBefore(instant: number): Promise<ExportRow[]> {
    const { exports } = this.db.tables;
    return this.db.orm.select().from(exports).where(and(lt(exports.createdAt, instant), inArray(exports.status, ['done', 'failed'])));
  }

  /** When the schedule first ran on this database, set on the first call. */
  scheduleSince(now: number): Promise<number> {
    const { settings } = this.db.tables;
    return this.db.transaction(async () => {
      await this.db.orm.insert(settings).values({ key: 'exports.scheduleSince', value: JSON.stringify(now) }).onConflictDoNothing();
      const rows = await this.db.orm.select().from(settings).where(eq(settings.key, 'exports.scheduleSince')).limit(1);
      return JSON.parse(single(rows).value) as number;
    });
  }

  remove(id: number): Promise<void> {
    const { exports } = this.db.tables;
    return this.db.transaction(async () => {
      await this.db.orm.delete(exports).where(eq(exports.id, id));
    });
  }
}
