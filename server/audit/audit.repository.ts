import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { AuditQuery } from '../../shared/api/audit';
import type { Database } from '../db/database';
import type { auditLog } from '../db/schema';

export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditRow = typeof auditLog.$inferInsert;

/** The audit log: appended to inside the transaction of the change it records, never changed. */
export class AuditRepository {
  constructor(private readonly db: Database) {}

  /** Call inside a write transaction (the change's own): there is no write outside one. */
  async append(row: NewAuditRow): Promise<void> {
    // Through the prepared insert of batches: every reading is audited.
    await this.db.insertMany(this.db.tables.auditLog, [row]);
  }

  /** Newest first; dates are calendar days in the board's time zone, given as instants here. */
  find(query: AuditQuery & { fromInstant?: number; toInstant?: number }): Promise<AuditRow[]> {
    const { auditLog } = this.db.tables;
    const conditions: SQL[] = [];
    if (query.action) conditions.push(eq(auditLog.action, query.action));
    // lower() on both sides: PostgreSQL's `like` is case-sensitive (SQLite's is not, for ASCII).
    if (query.actor) conditions.push(sql`lower(${auditLog.actorName}) like ${`%${query.actor.toLowerCase()}%`}`);
    if (query.entity) conditions.push(eq(auditLog.entity, query.entity));
    if (query.fromInstant !== undefined) conditions.push(gte(auditLog.at, query.fromInstant));
    if (query.toInstant !== undefined) conditions.push(lte(auditLog.at, query.toInstant));
    if (query.before !== undefined) conditions.push(lt(auditLog.id, query.before));
    return this.db.orm
      .select()
      .from(auditLog)
      .where(and(...conditions))
      .orderBy(desc(auditLog.id))
      .limit(query.limit);
  }
}
