import { and, desc, eq, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../db/database';
import type * as schema from '../db/schema';

export type NotificationRow = typeof schema.notifications.$inferSelect;
export type NewNotification = typeof schema.notifications.$inferInsert;

/** An editor who is reminded about the indicators of one of their units. */
export interface ReminderRecipient {
  userId: number;
  displayName: string;
  email: string;
  unitId: number;
}

/** Reminders, alerts, the statuses last seen and the minute's claim. Writes run inside the caller's transaction. */
export class NotificationsRepository {
  constructor(private readonly db: Database) {}

  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /**
   * Claims `slot` of the job `name` for `owner`: true for the one caller, on whichever node, that
   * moves the job's last slot forward to it; false when that slot (or a later one) is taken.
   */
  claimSlot(name: string, slot: number, owner: string, now: number): Promise<boolean> {
    const { jobSlots: j } = this.db.tables;
    return this.db.transaction(async () => {
      const inserted = await this.db.orm.insert(j).values({ name, lastSlot: slot, owner, claimedAt: now }).onConflictDoNothing().returning({ name: j.name });
      if (inserted.length > 0) return true;
      const moved = await this.db.orm
        .update(j)
        .set({ lastSlot: slot, owner, claimedAt: now })
        .where(and(eq(j.name, name), lt(j.lastSlot, slot)))
        .returning({ name: j.name });
      return moved.length > 0;
    });
  }

  /** The keys among `keys` already recorded. */
  async existingKeys(keys: string[]): Promise<Set<string>> {
    const { notifications: n } = this.db.tables;
    if (keys.length === 0) return new Set();
    const rows = await this.db.orm.select({ key: n.key }).from(n).where(inArray(n.key, keys));
    return new Set(rows.map((row) => row.key));
  }

  /** Records notifications; one whose key is taken is left out. Answers the rows added. */
  async add(rows: NewNotification[]): Promise<NotificationRow[]> {
    const { notifications: n } = this.db.tables;
    if (rows.length === 0) return [];
    return this.db.orm.insert(n).values(rows).onConflictDoNothing({ target: n.key }).returning();
  }

  /** Editors of these units who have an email, are enabled and did not opt out of reminders. */
  async reminderRecipients(unitIds: number[]): Promise<ReminderRecipient[]> {
    const { users: u, userUnits: uu } = this.db.tables;
    if (unitIds.length === 0) return [];
    const rows = await this.db.orm
      .select({ userId: u.id, displayName: u.displayName, email: u.email, unitId: uu.unitId })
      .from(uu)
      .innerJoin(u, eq(u.id, uu.userId))
      .where(and(inArray(uu.unitId, unitIds), eq(u.role, 'editor'), isNull(u.disabledAt), isNotNull(u.email), eq(u.receivesReminders, true)));
    return rows.flatMap((row) => (row.email ? [{ ...row, email: row.email }] : []));
  }

  /** Each watched indicator's status at the last check. */
  async watchedStatuses(): Promise<Map<number, string>> {
    const { indicatorStatusWatch: w } = this.db.tables;
    const rows = await this.db.orm.select({ indicatorId: w.indicatorId, status: w.status }).from(w);
    return new Map(rows.map((row) => [row.indicatorId, row.status]));
  }

  async watch(rows: Array<{ indicatorId: number; status: string }>, now: number): Promise<void> {
    const { indicatorStatusWatch: w } = this.db.tables;
    for (const row of rows) {
      await this.db.orm
        .insert(w)
        .values({ ...row, checkedAt: now })
        .onConflictDoUpdate({ target: w.indicatorId, set: { status: row.status, checkedAt: now } });
    }
  }

  /** Alerts not mailed yet, oldest first. */
  waitingAlerts(): Promise<NotificationRow[]> {
    const { notifications: n } = this.db.tables;
    return this.db.orm.select().from(n).where(and(eq(n.kind, 'alert'), isNull(n.mailTopics))).orderBy(n.id);
  }

  async setMailTopics(ids: number[], topics: string[]): Promise<void> {
    const { notifications: n } = this.db.tables;
    if (ids.length > 0) await this.db.orm.update(n).set({ mailTopics: JSON.stringify(topics) }).where(inArray(n.id, ids));
  }

  /** Newest first, with their indicator's code and name; `before` an id to page back. */
  list(limit: number, before?: number): Promise<Array<NotificationRow & { code: string; name: string }>> {
    const { notifications: n, indicators: i } = this.db.tables;
    return this.db.orm
      .select({ ...this.columns(), code: i.code, name: i.name })
      .from(n)
      .innerJoin(i, eq(i.id, n.indicatorId))
      .where(before === undefined ? sql`true` : lt(n.id, before))
      .orderBy(desc(n.id))
      .limit(limit);
  }

  private columns() {
    const { notifications: n } = this.db.tables;
    return {
      id: n.id,
      key: n.key,
      kind: n.kind,
      indicatorId: n.indicatorId,
      dueDate: n.dueDate,
      fromStatus: n.fromStatus,
      toStatus: n.toStatus,
      detail: n.detail,
      createdAt: n.createdAt,
      mailTopics: n.mailTopics,
    };
  }
}
