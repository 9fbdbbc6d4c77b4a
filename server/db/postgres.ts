import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { AsyncLocalStorage } from 'node:async_hooks';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { CommitOrder } from './commit-order';
import type { Database, Orm, PreparedQuery, Tables } from './database';
import * as schema from './schema.pg';

const MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), 'migrations-pg');

/** Advisory lock keys (any 64-bit numbers, fixed for termboard). */
const MIGRATION_LOCK = 0x7465726d_01;
const WRITE_LOCK = 0x7465726d_02;

type PgOrm = NodePgDatabase<typeof schema>;

/*
 * 64-bit integers (epoch milliseconds, counts) as numbers, as SQLite's driver returns them, in raw
 * queries too: every value termboard stores is far below 2^53. Drizzle's driver passes its own
 * per-query parsers built on pg's global ones, so this is set on the global table, once.
 */
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/**
 * PostgreSQL, for several app nodes on one database. Write transactions take one
 * transaction-scoped advisory lock first, so they run one at a time across every node, as on
 * SQLite: the rules checked inside a transaction (a key not used yet, a reading not corrected yet,
 * the next `seq`) still hold when it commits. Reads take any pooled connection.
 */
export class PostgresDatabase implements Database {
  readonly dialect = 'postgres' as const;
  // The twin schema has the same tables, columns and JavaScript types (tests/unit/schema-twins.test.ts):
  // repositories are typed against SQLite's, and run on these.
  readonly tables = schema as unknown as Tables;
  private readonly root: PgOrm;
  private readonly context = new AsyncLocalStorage<PgOrm>();
  private readonly statementNames = new Map<PreparedQuery<unknown>, string>();
  /** The `committed` callbacks of each open transaction (its nested calls add theirs). */
  private readonly onCommit = new WeakMap<PgOrm, Array<() => void>>();
  /** This process's write transactions, in the order they took the write lock: their callbacks run in it. */
  private readonly commitOrder = new CommitOrder();

  private constructor(private readonly pool: pg.Pool) {
    this.root = drizzle({ client: pool, schema });
  }

  /** Connects, and applies the migrations (one node at a time: the others wait for the lock). */
  static async open(url: string, options: { poolSize?: number } = {}): Promise<PostgresDatabase> {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    // An idle client losing its connection (the server restarted) must not crash the process.
    pool.on('error', () => undefined);
    const client = await pool.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
      try {
        await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
      }
    } finally {
      client.release();
    }
    return new PostgresDatabase(pool);
  }

  get orm(): Orm {
    return (this.context.getStore() ?? this.root) as unknown as Orm;
  }

  async transaction<T>(work: () => Promise<T>, committed?: () => void): Promise<T> {
    const outer = this.context.getStore();
    if (outer) {
      if (committed) this.onCommit.get(outer)?.push(committed);
      return work();
    }
    let callbacks: Array<() => void> = [];
    let ticket: number | undefined;
    try {
      const result = await this.root.transaction(async (tx) => {
        // Per attempt: a transaction run again starts its list again.
        callbacks = committed ? [committed] : [];
        this.onCommit.set(tx as unknown as PgOrm, callbacks);
        await tx.execute(sql`select pg_advisory_xact_lock(${WRITE_LOCK})`);
        ticket = this.commitOrder.take();
        return this.context.run(tx as unknown as PgOrm, work);
      });
      if (ticket !== undefined) await this.commitOrder.end(ticket, callbacks);
      return result;
    } catch (error) {
      if (ticket !== undefined) void this.commitOrder.end(ticket);
      throw error;
    }
  }

  async rows<T extends Record<string, unknown>>(query: SQL): Promise<T[]> {
    const result = await (this.context.getStore() ?? this.root).execute(query);
    return result.rows as T[];
  }

  async execute(query: SQL): Promise<void> {
    await (this.context.getStore() ?? this.root).execute(query);
  }

  async runPrepared<R>(query: PreparedQuery<R>, values: Record<string, unknown>): Promise<R> {
    let name = this.statementNames.get(query);
    // Named: pg prepares it once per pooled connection.
    if (!name) this.statementNames.set(query, (name = `termboard_${this.statementNames.size + 1}`));
    const built = query.build(this.orm, this.tables) as unknown as { prepare(name: string): { execute(values: Record<string, unknown>): Promise<R> } };
    return built.prepare(name).execute(values);
  }

  async insertMany<T extends SQLiteTable>(table: T, rows: ReadonlyArray<T['$inferInsert']>): Promise<number[]> {
    const tx = this.context.getStore();
    if (!tx) throw new Error('insertMany runs inside a write transaction');
    const ids: number[] = [];
    // A round trip per statement dominates here: as many rows a statement as the parameter limit allows.
    const columns = Object.keys(rows[0] ?? {}).length || 1;
    const perStatement = Math.max(1, Math.floor(60_000 / columns));
    const id = (getTableColumns(table) as Record<string, unknown>).id;
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement) as Array<T['$inferInsert']>;
      const insert = (tx as unknown as Orm).insert(table).values(chunk);
      if (id) ids.push(...(await insert.returning({ id: id as never })).map((row) => (row as { id: number }).id).sort((a, b) => a - b));
      else await insert;
    }
    return ids;
  }

  async close(): Promise<void> {
    if (this.pool.ended || this.pool.ending) return;
    await this.pool.end();
  }
}
