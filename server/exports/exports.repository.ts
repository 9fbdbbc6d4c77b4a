import { and, desc, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import { single, type Database } from '../db/database';
import type * as schema from '../db/schema';

export type ExportRow = typeof schema.exports.$inferSelect;
export type ExportStatus = 'queued' | 'running' | 'done' | 'failed';

/** A node's claim on exports: its name for this run, and until when (epoch ms). */
export interface Lease {
  owner: string;
  until: number;
}

/**
 * Exports and their state. Every write runs in a transaction: the caller's when there is one (it
 * joins it), else one of its own.
 */
export class ExportsRepository {
  constructor(private readonly db: Database) {}

  /** How many exports a user asked for are still waiting or rendering. */
  async pendingOf(userId: number): Promise<number> {
    const { exports } = this.db.tables;
    return this.db.orm.$count(exports, and(eq(exports.requestedByUserId, userId), inArray(exports.status, ['queued', 'running'])));
  }

  /** Runs `work` in one write transaction (see Database.transaction). */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /**
   * Queues an export. For a scheduled slot the unique index makes this the one export of the
   * slot: undefined when another start (or node) queued it first. Write transactions run one at a
   * time across every process on the database, and the insert does nothing on a taken slot.
   */
  queue(
    input: { kind: 'scheduled' | 'on_demand'; slot: number | null; asOf: number; week: string; requestedByUserId: number | null; now: number },
    lease: Lease,
  ): Promise<number | undefined> {
    const { exports } = this.db.tables;
    return this.db.transaction(async () => {
      const claimed = await this.db.orm
        .insert(exports)
        .values({ ...input, status: 'queued', createdAt: input.now, leaseOwner: lease.owner, leaseUntil: lease.until })
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
   * Marks a queued export running: false when it is not queued, or its lease is no longer
   * `lease.owner`'s (it ran out and another node took the export over), so that one node renders it.
   */
  start(id: number, now: number, lease: Lease): Promise<boolean> {
    const { exports } = this.db.tables;
    return this.db.transaction(async () => {
      const started = await this.db.orm
        .update(exports)
        .set({ status: 'running', startedAt: now, error: null, leaseUntil: lease.until })
        .where(and(eq(exports.id, id), eq(exports.status, 'queued'), eq(exports.leaseOwner, lease.owner)))
        .returning({ id: exports.id });
      return started.length === 1;
    });
  }

  finish(id: number, now: number, outcome: { status: 'done'; files: string } | { status: 'failed'; error: string }): Promise<void> {
    const { exports } = this.db.tables;
    return this.db.transaction(async () => {
      await this.db.orm
        .update(exports)
        .set({ ...(outcome.status === 'done' ? { status: 'done', files: outcome.files } : { status: 'failed', error: outcome.error }), finishedAt: now, leaseOwner: null, leaseUntil: null })
        .where(eq(exports.id, id));
    });
  }

  /**
   * Takes over the unfinished exports (queued or running) whose lease ran out or was released:
   * their node died or stopped. Answers their ids, now queued under `lease`.
   */
  takeOverAbandoned(now: number, lease: Lease): Promise<number[]> {
    const { exports } = this.db.tables;
    return this.db.transaction(async () => {
      const taken = await this.db.orm
        .update(exports)
        .set({ status: 'queued', startedAt: null, leaseOwner: lease.owner, leaseUntil: lease.until })
        .where(and(inArray(exports.status, ['queued', 'running']), or(isNull(exports.leaseUntil), lt(exports.leaseUntil, now))))
        .returning({ id: exports.id });
      return taken.map((row) => row.id).sort((a, b) => a - b);
    });
  }

  /** Extends the owner's leases of these exports (still queued or running) to `lease.until`. */
  renew(ids: number[], lease: Lease): Promise<void> {
    const { exports } = this.db.tables;
    return this.db.transaction(async () => {
      await this.db.orm
        .update(exports)
        .set({ leaseUntil: lease.until })
        .where(and(inArray(exports.id, ids), eq(exports.leaseOwner, lease.owner), inArray(exports.status, ['queued', 'running'])));
    });
  }

  /** Gives back the owner's unfinished exports (a clean stop): queued again, any node may take them at once. */
  release(ids: number[], owner: string): Promise<void> {
    const { exports } = this.db.tables;
    return this.db.transaction(async () => {
      await this.db.orm
        .update(exports)
        .set({ status: 'queued', startedAt: null, leaseOwner: null, leaseUntil: null })
        .where(and(inArray(exports.id, ids), eq(exports.leaseOwner, owner), inArray(exports.status, ['queued', 'running'])));
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
