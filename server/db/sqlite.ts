import BetterSqlite3 from 'better-sqlite3';
import { getTableColumns, getTableName, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database, Orm } from './database';
import * as schema from './schema';

const MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

type SqliteOrm = BetterSQLite3Database<typeof schema> & { $client: BetterSqlite3.Database };

function connect(file: string, options: BetterSqlite3.Options = {}): SqliteOrm {
  const client = new BetterSqlite3(file, options);
  // Another connection (the other one of this process, a backup, the CLI, a second process during
  // a restart) may hold the write lock briefly: wait for it instead of failing with SQLITE_BUSY.
  client.pragma('busy_timeout = 5000');
  // SQLite leaves foreign keys unchecked unless asked, per connection.
  client.pragma('foreign_keys = ON');
  return drizzle({ client, schema }) as SqliteOrm;
}

/**
 * The embedded default: one SQLite file, two connections. The writer runs the transactions one
 * at a time (a promise queue: better-sqlite3 is synchronous, our transactions are not); the
 * read-only reader serves everything else and sees only committed data (WAL). A write outside a
 * transaction fails on the reader: writes are transactions, on both dialects.
 */
export class SqliteDatabase implements Database {
  readonly dialect = 'sqlite' as const;
  readonly tables = schema;
  private readonly writer: SqliteOrm;
  private readonly reader: SqliteOrm;
  private readonly context = new AsyncLocalStorage<Orm>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly inserts = new Map<string, BetterSqlite3.Statement>();

  constructor(readonly file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.writer = connect(file);
    // WAL: screens keep reading the board while a reading is written; readers never block the writer.
    this.writer.$client.pragma('journal_mode = WAL');
    // FULL: every acknowledged reading is fsynced with its commit. NORMAL in WAL mode survives a
    // crash of the process but may lose the last commits on power loss; readings must survive both,
    // and a few hundred writes a minute leave plenty of room for the extra fsync.
    this.writer.$client.pragma('synchronous = FULL');
    migrate(this.writer, { migrationsFolder: MIGRATIONS });
    this.reader = connect(file, { readonly: true });
  }

  get orm(): Orm {
    return this.context.getStore() ?? this.reader;
  }

  transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.context.getStore()) return work();
    const run = async (): Promise<T> => {
      const client = this.writer.$client;
      client.exec('BEGIN IMMEDIATE');
      try {
        const result = await this.context.run(this.writer, work);
        client.exec('COMMIT');
        return result;
      } catch (error) {
        if (client.inTransaction) client.exec('ROLLBACK');
        throw error;
      }
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  async rows<T extends Record<string, unknown>>(query: SQL): Promise<T[]> {
    const orm = (this.context.getStore() as SqliteOrm | undefined) ?? this.reader;
    return orm.all<T>(query);
  }

  async execute(query: SQL): Promise<void> {
    const orm = (this.context.getStore() as SqliteOrm | undefined) ?? this.reader;
    orm.run(query);
  }

  async insertMany<T extends SQLiteTable>(table: T, rows: ReadonlyArray<T['$inferInsert']>): Promise<number[]> {
    if (this.context.getStore() !== this.writer) throw new Error('insertMany runs inside a write transaction');
    const first = rows[0];
    if (first === undefined) return [];
    const columns = Object.entries(getTableColumns(table)).filter(([key]) => key in first);
    const sql = `insert into "${getTableName(table)}" (${columns.map(([, column]) => `"${column.name}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`;
    let statement = this.inserts.get(sql);
    if (!statement) this.inserts.set(sql, (statement = this.writer.$client.prepare(sql)));
    const hasId = 'id' in getTableColumns(table);
    const ids: number[] = [];
    for (const row of rows) {
      const values = columns.map(([key, column]) => {
        const value = (row as Record<string, unknown>)[key];
        return value === null || value === undefined ? null : column.mapToDriverValue(value);
      });
      const { lastInsertRowid } = statement.run(values);
      if (hasId) ids.push(Number(lastInsertRowid));
    }
    return ids;
  }

  /** The raw connection that writes: for tests that must bypass the rules (the audit triggers). */
  get writerClient(): BetterSqlite3.Database {
    return this.writer.$client;
  }

  async close(): Promise<void> {
    await this.queue;
    if (this.reader.$client.open) this.reader.$client.close();
    if (this.writer.$client.open) this.writer.$client.close();
  }
}
