import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { exports, settings } from '../db/schema';

export type ExportRow = typeof exports.$inferSelect;
export type ExportStatus = 'queued' | 'running' | 'done' | 'failed';

export class ExportsRepository {
  constructor(private readonly db: Db) {}

  /**
   * Queues an export. For a scheduled slot the unique index makes this the one export of the
   * slot: undefined when another start (or node) queued it first.
   */
  queue(input: { kind: 'scheduled' | 'on_demand'; slot: number | null; asOf: number; week: string; requestedByUserId: number | null; now: number }): number | undefined {
    return this.db
      .insert(exports)
      .values({ ...input, status: 'queued', createdAt: input.now })
      .onConflictDoNothing({ target: exports.slot })
      .returning({ id: exports.id })
      .get()?.id;
  }

  find(id: number): ExportRow | undefined {
    return this.db.select().from(exports).where(eq(exports.id, id)).get();
  }

  list(limit: number): ExportRow[] {
    return this.db.select().from(exports).orderBy(desc(exports.id)).limit(limit).all();
  }

  hasSlot(slot: number): boolean {
    return this.db.select({ id: exports.id }).from(exports).where(eq(exports.slot, slot)).get() !== undefined;
  }

  start(id: number, now: number): void {
    this.db.update(exports).set({ status: 'running', startedAt: now, error: null }).where(eq(exports.id, id)).run();
  }

  finish(id: number, now: number, outcome: { status: 'done'; files: string } | { status: 'failed'; error: string }): void {
    this.db
      .update(exports)
      .set(outcome.status === 'done' ? { status: 'done', files: outcome.files, finishedAt: now } : { status: 'failed', error: outcome.error, finishedAt: now })
      .where(eq(exports.id, id))
      .run();
  }

  /** Exports a stop interrupted (queued or running): to run again. */
  unfinished(): ExportRow[] {
    return this.db.select().from(exports).where(inArray(exports.status, ['queued', 'running'])).all();
  }

  requeue(id: number): void {
    this.db.update(exports).set({ status: 'queued', startedAt: null }).where(eq(exports.id, id)).run();
  }

  /** Finished exports made before `instant` (by when they were made, not what they show). */
  madeBefore(instant: number): ExportRow[] {
    return this.db.select().from(exports).where(and(lt(exports.createdAt, instant), inArray(exports.status, ['done', 'failed']))).all();
  }

  /** When the schedule first ran on this database, set on the first call. */
  scheduleSince(now: number): number {
    this.db.insert(settings).values({ key: 'exports.scheduleSince', value: JSON.stringify(now) }).onConflictDoNothing().run();
    return JSON.parse(this.db.select().from(settings).where(eq(settings.key, 'exports.scheduleSince')).get()!.value) as number;
  }

  remove(id: number): void {
    this.db.delete(exports).where(eq(exports.id, id)).run();
  }
}
