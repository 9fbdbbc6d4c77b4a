import type { SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from './schema';

export type Tables = typeof schema;

/**
 * The query builder repositories write with. Both dialects run it: SQLite's builder types are
 * the reference, and only what PostgreSQL's builder shares is allowed — queries are awaited,
 * never `.get()`, `.all()`, `.run()` or `.prepare()` (tests/unit/data-layer.test.ts checks).
 * Raw SQL goes through `Database.rows`.
 */
export type Orm = Pick<BetterSQLite3Database<Tables>, 'select' | 'selectDistinct' | 'insert' | 'update' | 'delete' | '$count'>;

export type Dialect = 'sqlite' | 'postgres';

/** A query of the shared builder that can be prepared: its values are `sql.placeholder`s. */
export interface PreparableQuery<R> {
  prepare(): { execute(values?: Record<string, unknown>): PromiseLike<R> };
}

/**
 * A query for the hot paths (a reading, a request's session), defined once at module level and
 * run with `Database.runPrepared`: building a query with drizzle costs more than SQLite's work
 * (docs/performance.md). SQLite keeps it prepared per connection; PostgreSQL runs it as a named
 * statement.
 */
export class PreparedQuery<R> {
  constructor(readonly build: (orm: Orm, tables: Tables) => PreparableQuery<R>) {}
}

/**
 * The data layer both dialects implement (docs/decisions.md, "One repository layer").
 *
 * - `orm` is the connection of the current context: inside `transaction`, the transaction's;
 *   elsewhere a read connection that sees only committed data.
 * - `transaction` runs write transactions one at a time across every process on the database
 *   (SQLite's single writer; an advisory lock on PostgreSQL), so that a rule checked inside one
 *   still holds when it commits. Nested calls join the outer transaction. The work must only
 *   touch the database: it may be run again or rolled back.
 */
export interface Database {
  readonly dialect: Dialect;
  readonly tables: Tables;
  readonly orm: Orm;
  /**
   * `committed`, when given, is called once the work has committed (a nested call's, once the
   * outer one has), in commit order, and must not throw. On SQLite that is before the commit is
   * durable: the promise resolves only after the WAL's fsync, and what `committed` starts (screens
   * told) need not wait for the disk.
   */
  transaction<T>(work: () => Promise<T>, committed?: () => void): Promise<T>;
  /** The rows of a raw query, on the current context's connection. */
  rows<T extends Record<string, unknown>>(query: SQL): Promise<T[]>;
  /** Runs a raw statement that returns no rows, on the current context's connection. */
  execute(query: SQL): Promise<void>;
  /**
   * Inserts many rows of one table inside the current transaction, in order, and returns their
   * `id`s in that order (empty for a table without one). For batches: the query builder spends
   * ~90 µs a row building a multi-row insert, a prepared statement ~2 µs (docs/performance.md).
   */
  insertMany<T extends SQLiteTable>(table: T, rows: ReadonlyArray<T['$inferInsert']>): Promise<number[]>;
  /** Runs a prepared query with `values` for its placeholders, on the current context's connection. */
  runPrepared<R>(query: PreparedQuery<R>, values: Record<string, unknown>): Promise<R>;
  close(): Promise<void>;
}

/** Runs a `committed` callback, which must not throw: one that does is reported, and the commit stands. */
export function committedCallback(callback: () => void): void {
  try {
    callback();
  } catch (error) {
    process.emitWarning(`a callback after a commit threw: ${(error as Error).stack ?? String(error)}`);
  }
}

/** The one row a statement must have returned (an insert's `returning`, say); throws when none did. */
export function single<T>(rows: readonly T[]): T {
  const [row] = rows;
  if (row === undefined) throw new Error('expected a row, got none');
  return row;
}
