import type { SQL } from 'drizzle-orm';
import type { Database } from '../../server/db/database';

/**
 * Raw SQL for tests that look under the API, on either dialect. Write it portably: `true`/`false`
 * for booleans, `cast(count(*) as integer)` for counts (PostgreSQL's count is a bigint).
 */
export function sqlRows<T extends Record<string, unknown>>(db: Database, query: SQL): Promise<T[]> {
  return db.rows<T>(query);
}

/** A raw write, in its own transaction (the read connection refuses writes). */
export function sqlRun(db: Database, query: SQL): Promise<void> {
  return db.transaction(() => db.execute(query));
}
