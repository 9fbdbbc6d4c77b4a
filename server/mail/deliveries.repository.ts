import { and, asc, eq, inArray, isNotNull, isNull, lt, lte, or } from 'drizzle-orm';
import type { Database } from '../db/database';
import type * as schema from '../db/schema';

export type DeliveryRow = typeof schema.mailDeliveries.$inferSelect;

/** A message to queue: rendered already, for one address. */
export interface QueuedMail {
  topic: string;
  exportId: number | null;
  recipient: string;
  subject: string;
  text: string;
  html: string;
  /** Paths relative to DATA_DIR. */
  attachments: Array<{ filename: string; path: string; contentType: string }>;
}

/** The outcome of one attempt, recorded by the node that made it. */
export type Attempt = { status: 'sent' } | { status: 'failed'; error: string; retryAt: number | null };

/** The mail outbox's rows. Writes run in transactions, one at a time across nodes (Database). */
export class DeliveriesRepository {
  constructor(private readonly db: Database) {}

  /** Queues each message once: a (topic, recipient) queued before is left as it is. Answers how many are new. */
  queue(mails: QueuedMail[], now: number): Promise<number> {
    const { mailDeliveries } = this.db.tables;
    if (mails.length === 0) return Promise.resolve(0);
    return this.db.transaction(async () => {
      const rows = mails.map((mail) => ({
        ...mail,
        attachments: JSON.stringify(mail.attachments),
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
        updatedAt: now,
      }));
      const added = await this.db.orm
        .insert(mailDeliveries)
        .values(rows)
        .onConflictDoNothing({ target: [mailDeliveries.topic, mailDeliveries.recipient] })
        .returning({ id: mailDeliveries.id });
      return added.length;
    });
  }

  /**
   * Claims up to `limit` deliveries due by `now` whose lease is free or ran out (their node died
   * mid-send): leased to `owner` until `until`. Write transactions run one at a time across every
   * node, so that two nodes never claim the same delivery.
   */
  claimDue(now: number, owner: string, until: number, limit: number): Promise<DeliveryRow[]> {
    const { mailDeliveries: d } = this.db.tables;
    return this.db.transaction(async () => {
      const free = and(isNotNull(d.nextAttemptAt), lte(d.nextAttemptAt, now), or(isNull(d.leaseUntil), lt(d.leaseUntil, now)));
      const due = await this.db.orm.select({ id: d.id }).from(d).where(free).orderBy(asc(d.nextAttemptAt), asc(d.id)).limit(limit);
      if (due.length === 0) return [];
      return this.db.orm
        .update(d)
        .set({ leaseOwner: owner, leaseUntil: until })
        .where(and(inArray(d.id, due.map((row) => row.id)), free))
        .returning();
    });
  }

  /** Records an attempt; only while `owner` still holds the lease (else another node has taken the delivery over). */
  record(id: number, owner: string, now: number, attempt: Attempt): Promise<void> {
    const { mailDeliveries: d } = this.db.tables;
    return this.db.transaction(async () => {
      const current = (await this.db.orm.select({ attempts: d.attempts }).from(d).where(and(eq(d.id, id), eq(d.leaseOwner, owner))).limit(1))[0];
      if (!current) return;
      await this.db.orm
        .update(d)
        .set({
          ...(attempt.status === 'sent' ? { status: 'sent', error: null, nextAttemptAt: null } : { status: 'failed', error: attempt.error, nextAttemptAt: attempt.retryAt }),
          attempts: current.attempts + 1,
          updatedAt: now,
          leaseOwner: null,
          leaseUntil: null,
        })
        .where(eq(d.id, id));
    });
  }

  /** Gives back the owner's leases of deliveries it did not get to (a clean stop): due again at once. */
  release(ids: number[], owner: string): Promise<void> {
    const { mailDeliveries: d } = this.db.tables;
    if (ids.length === 0) return Promise.resolve();
    return this.db.transaction(async () => {
      await this.db.orm.update(d).set({ leaseOwner: null, leaseUntil: null }).where(and(inArray(d.id, ids), eq(d.leaseOwner, owner)));
    });
  }

  /** Makes a delivery due again now (sent, failed or given up alike): pending, its lease dropped. */
  resend(id: number, now: number): Promise<DeliveryRow | undefined> {
    const { mailDeliveries: d } = this.db.tables;
    return this.db.transaction(async () => {
      const rows = await this.db.orm
        .update(d)
        .set({ status: 'pending', nextAttemptAt: now, updatedAt: now, leaseOwner: null, leaseUntil: null })
        .where(eq(d.id, id))
        .returning();
      return rows[0];
    });
  }

  async find(id: number): Promise<DeliveryRow | undefined> {
    const { mailDeliveries: d } = this.db.tables;
    return (await this.db.orm.select().from(d).where(eq(d.id, id)).limit(1))[0];
  }

  /** The deliveries of these exports, in the order they were queued. */
  async ofExports(exportIds: number[]): Promise<DeliveryRow[]> {
    const { mailDeliveries: d } = this.db.tables;
    if (exportIds.length === 0) return [];
    return this.db.orm.select().from(d).where(inArray(d.exportId, exportIds)).orderBy(asc(d.id));
  }

  /** The deliveries of these topics, in the order they were queued. */
  async ofTopics(topics: string[]): Promise<DeliveryRow[]> {
    const { mailDeliveries: d } = this.db.tables;
    if (topics.length === 0) return [];
    return this.db.orm.select().from(d).where(inArray(d.topic, topics)).orderBy(asc(d.id));
  }

  async ofTopic(topic: string): Promise<DeliveryRow[]> {
    const { mailDeliveries: d } = this.db.tables;
    return this.db.orm.select().from(d).where(eq(d.topic, topic)).orderBy(asc(d.id));
  }
}
