import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { AuditQuery } from '../../shared/api/audit';
import type { Db } from '../db/client';
import { auditLog } from '../db/schema';

export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditRow = typeof auditLog.$inferInsert;

/** The audit log: appended to inside the transaction of the change it records, never changed. */
export class AuditRepository {
  constructor(private readonly db: Db) {}

  append(row: NewAuditRow): void {
    this.db.insert(auditLog).values(row).run();
  }

  /** Newest first; dates are calendar days in the board's time zone, given as instants here. */
  find(query: AuditQuery & { fromInstant?: number; toInstant?: number }): AuditRow[] {
    const conditions: SQL[] = [];
    if (query.action) conditions.push(eq(auditLog.action, query.action));
    if (query.actor) conditions.push(sql`lower(${auditLog.actorName}) like ${`%${query.actor.toLowerCase()}%`}`);
    if (query.entity) conditions.push(eq(auditLog.entity, query.entity));
    if (query.fromInstant !== undefined) conditions.push(gte(auditLog.at, query.fromInstant));
    if (query.toInstant !== undefined) conditions.push(lte(auditLog.at, query.toInstant));
    if (query.before !== undefined) conditions.push(lt(auditLog.id, query.before));
    return this.db
      .select()
      .from(auditLog)
      .where(and(...conditions))
      .orderBy(desc(auditLog.id))
      .limit(query.limit)
      .all();
  }

  /** Failed logins for a user name since an instant: the per-account rate limit. */
  failedLoginsSince(username: string, since: number): number {
    const row = this.db
      .select({ n: sql<number>`count(*)` })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'session.login_failed'), eq(auditLog.actorName, username), gte(auditLog.at, since)))
      .get();
    return row?.n ?? 0;
  }
}
