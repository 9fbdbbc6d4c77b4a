import BetterSqlite3 from 'better-sqlite3';
import { getTableColumns, getTableName, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { AsyncLocalStorage } from 'node:async_hooks';
import { fdatasync, mkdirSync, openSync, closeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { committedCallback, type Database, type Orm, type PreparableQuery, type PreparedQuery } from './database';
import { givingWay } from './giving-way';
import * as schema from './schema';
import { WalCheckpointer } from './wal-checkpointer';

/** At most this many transactions, or this long, share one commit. */
const GROUP_MAX = 64;
const GROUP_MAX_MS = 50;
/** A group that ran this long gives other requests a turn before its COMMIT. */
const LONG_GROUP_MS = 20;

/** Beside the code: server/db/migrations, or dist/server/migrations in the build. */
export const MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

type SqliteOrm = BetterSQLite3Database<typeof schema> & { $client: BetterSqlite3.Database };

function connect(file: string, options: BetterSqlite3.Options = {}): SqliteOrm {
  const client = new BetterSqlite3(file, options);
  // Another connection (the other one of this process, a backup, the CLI, a second process during
  // a restart) may hold the write lock briefly: wait for it instead of failing with SQLITE_BUSY.
  client.pragma('busy_timeout = 5000');
  // SQLite leaves foreign keys unchecked unless asked, per connection.
  client.pragma('foreign_keys = ON');
  keepPreparedStatements(client);
  return drizzle({ client, schema }) as SqliteOrm;
}

/** Statements kept per connection: the queries of the API are a few hundred texts. */
const STATEMENTS_KEPT = 500;

/**
 * Drizzle prepares every query again on each run (a parse and plan in SQLite, ~50–100 µs, several
 * per request). The same text gets the same statement back instead, in the mode drizzle expects
 * (it switches `raw` on for some reads: switched off again here).
 */
function keepPreparedStatements(client: BetterSqlite3.Database): void {
  const prepare = client.prepare.bind(client);
  const kept = new Map<string, BetterSqlite3.Statement>();
  client.prepare = ((source: string) => {
    let statement = kept.get(source);
    if (!statement) {
      statement = prepare(source);
      if (kept.size >= STATEMENTS_KEPT) kept.delete(kept.keys().next().value!);
      kept.set(source, statement);
    } else if (statement.reader) {
      statement.raw(false);
    }
    return statement;
  }) as typeof client.prepare;
}

/**
 * The embedded default: one SQLite file, two connections. The writer runs the transactions one
 * at a time (a queue: better-sqlite3 is synchronous, our transactions are not), several sharing
 * one commit when they wait together; the
 * read-only reader serves everything else and sees only committed data (WAL). A write outside a
 * transaction fails on the reader: writes are transactions, on both dialects.
 */
export class SqliteDatabase implements Database {
  readonly dialect = 'sqlite' as const;
  readonly tables = schema;
  private readonly writer: SqliteOrm;
  private readonly reader: SqliteOrm;
  private readonly context = new AsyncLocalStorage<Orm>();
  private readonly waiting: Array<{ work: () => Promise<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void; committed?: () => void }> = [];
  /** The `committed` callbacks of the unit running on the writer (its nested calls add theirs). */
  private running: Array<() => void> | undefined;
  private writing: Promise<void> | undefined;
  /** Set while the writer waits, with a group open, for another transaction or the fsync's end. */
  private arrived: (() => void) | undefined;
  private readonly inserts = new Map<string, BetterSqlite3.Statement>();
  private readonly wal: WalSync;
  private readonly checkpointer: WalCheckpointer;
  /** The statements that open and close the writer's transactions, parsed once. */
  private readonly control: Record<'begin' | 'savepoint' | 'release' | 'rollbackTo' | 'commit', BetterSqlite3.Statement>;
  private readonly prepared = new Map<PreparedQuery<unknown>, Map<Orm, ReturnType<PreparableQuery<unknown>['prepare']>>>();

  constructor(readonly file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.writer = connect(file);
    // WAL: screens keep reading the board while a reading is written; readers never block the writer.
    this.writer.$client.pragma('journal_mode = WAL');
    // NORMAL: a COMMIT writes the WAL without fsyncing it, which alone survives a crash of the
    // process but not a power loss. Every acknowledged write must survive both, so the writer
    // fsyncs the WAL itself after each COMMIT, on libuv's thread pool, and answers only once that
    // fsync is done (`durable`): what FULL guarantees, without holding the event loop for the
    // disk (docs/decisions.md, "The commit's fsync off the event loop").
    this.writer.$client.pragma('synchronous = NORMAL');
    migrate(this.writer, { migrationsFolder: MIGRATIONS });
    this.wal = new WalSync(`${file}-wal`);
    // Checkpoints run on a thread of their own (wal-checkpointer.ts); should it stop, here again.
    this.writer.$client.pragma('wal_autocheckpoint = 0');
    this.checkpointer = new WalCheckpointer(file, () => {
      if (this.writer.$client.open) this.writer.$client.pragma('wal_autocheckpoint = 1000');
    });
    const client = this.writer.$client;
    this.control = {
      begin: client.prepare('BEGIN IMMEDIATE'),
      savepoint: client.prepare('SAVEPOINT unit'),
      release: client.prepare('RELEASE unit'),
      rollbackTo: client.prepare('ROLLBACK TO unit'),
      commit: client.prepare('COMMIT'),
    };
    this.reader = connect(file, { readonly: true });
  }

  get orm(): Orm {
    return this.context.getStore() ?? this.reader;
  }

  transaction<T>(work: () => Promise<T>, committed?: () => void): Promise<T> {
    if (this.context.getStore()) {
      if (committed) this.running?.push(committed);
      return work();
    }
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ work, resolve: resolve as (value: unknown) => void, reject, committed });
      this.arrived?.();
      this.writing ??= this.write();
    });
  }

  /**
   * Group commit (docs/decisions.md): the transactions waiting when the writer is free run one
   * after the other in one SQLite transaction, each in its own savepoint (one that fails rolls
   * back alone), and share one COMMIT and one fsync of the WAL, instead of one each. None is
   * answered before that fsync, so every answer is durable. While the previous group's fsync
   * runs, the group stays open and takes those that arrive meanwhile: they would wait for the
   * disk anyway, and a COMMIT each (its pages written to the WAL again) is what it saves.
   */
  private async write(): Promise<void> {
    const client = this.writer.$client;
    const { begin, savepoint, release, rollbackTo, commit } = this.control;
    while (this.waiting.length > 0) {
      const done: Array<{ resolve: (value: unknown) => void; reject: (error: unknown) => void; value: unknown; callbacks: Array<() => void> }> = [];
      try {
        begin.run();
        const started = performance.now();
        // Those that arrive while one runs, or while the last group's fsync runs, join this
        // commit, up to a bound that keeps answers coming.
        const open = () => done.length < GROUP_MAX && performance.now() - started < GROUP_MAX_MS;
        for (;;) {
          while (this.waiting.length > 0 && open()) {
            const next = this.waiting.shift()!;
            const callbacks = next.committed ? [next.committed] : [];
            this.running = callbacks;
            savepoint.run();
            try {
              const value = await this.context.run(this.writer, next.work);
              release.run();
              done.push({ ...next, value, callbacks });
            } catch (error) {
              next.reject(error);
              // Some errors end the whole transaction (SQLite rolls it back itself): the group goes with it.
              if (!client.inTransaction) throw error;
              rollbackTo.run();
              release.run();
            }
          }
          if (done.length === 0 || !this.wal.syncing || !open()) break;
          await this.arrivalOrSynced();
        }
        // A long unit (an import) ends with synchronous work, and its COMMIT writes megabytes:
        // other requests get a turn between the two.
        if (performance.now() - started > LONG_GROUP_MS) await givingWay();
        commit.run();
        this.running = undefined;
        this.checkpointer.committed();
        for (const unit of done) for (const callback of unit.callbacks) committedCallback(callback);
        // Answered once the WAL is on disk; the next group runs meanwhile.
        if (done.length > 0) {
          this.wal.durable().then(
            () => done.forEach((unit) => unit.resolve(unit.value)),
            (error: unknown) => done.forEach((unit) => unit.reject(error)),
          );
        }
      } catch (error) {
        this.running = undefined;
        if (client.inTransaction) client.exec('ROLLBACK');
        for (const unit of done) unit.reject(error);
      }
    }
    // In the same tick as the last look at `waiting` (no await between): a transaction asked for
    // from now on finds no writer and starts one.
    this.writing = undefined;
  }

  /** Resolves when a transaction is asked for or the running fsync ends, whichever is first. */
  private arrivalOrSynced(): Promise<void> {
    return new Promise<void>((resolve) => {
      const wake = () => {
        if (this.arrived === wake) this.arrived = undefined;
        resolve();
      };
      this.arrived = wake;
      // After the poll phase the fsync's end was seen in: requests read in it join the group.
      void this.wal.settled().then(() => setImmediate(wake));
    });
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

  async runPrepared<R>(query: PreparedQuery<R>, values: Record<string, unknown>): Promise<R> {
    const orm = this.context.getStore() ?? this.reader;
    let byConnection = this.prepared.get(query);
    if (!byConnection) this.prepared.set(query, (byConnection = new Map()));
    let prepared = byConnection.get(orm) as ReturnType<PreparableQuery<R>['prepare']> | undefined;
    if (!prepared) byConnection.set(orm, (prepared = query.build(orm, this.tables).prepare()));
    return prepared.execute(values);
  }

  /** The raw connection that writes: for tests that must bypass the rules (the audit triggers). */
  get writerClient(): BetterSqlite3.Database {
    return this.writer.$client;
  }

  async close(): Promise<void> {
    await this.writing;
    await this.wal.close();
    await this.checkpointer.close();
    if (this.reader.$client.open) this.reader.$client.close();
    if (this.writer.$client.open) this.writer.$client.close();
  }
}

/**
 * fsyncs the WAL after commits, off the event loop (fdatasync on libuv's thread pool). `durable()`
 * resolves once an fsync that started after the call is done: commits made while one runs share
 * the next. The WAL keeps its inode while the writer's connection is open (SQLite rewrites it in
 * place after a checkpoint), so one descriptor serves the whole life of the database.
 */
class WalSync {
  private fd: number | undefined;
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;

  constructor(private readonly file: string) {}

  /** An fsync is running. */
  get syncing(): boolean {
    return this.running !== undefined;
  }

  /** Resolves once the running fsync (if any) has ended, done or failed. */
  settled(): Promise<void> {
    return (this.running ?? Promise.resolve()).then(
      () => undefined,
      () => undefined,
    );
  }

  durable(): Promise<void> {
    if (!this.running) return (this.running = this.sync());
    // One is running, started before this commit: the next one covers it, and whoever else waits.
    this.queued ??= this.running.then(
      () => this.next(),
      () => this.next(),
    );
    return this.queued;
  }

  private next(): Promise<void> {
    this.queued = undefined;
    return (this.running = this.sync());
  }

  private sync(): Promise<void> {
    // Opened at the first commit: SQLite creates the WAL at the first write.
    this.fd ??= openSync(this.file, 'r');
    const fd = this.fd;
    return new Promise<void>((resolve, reject) => fdatasync(fd, (error) => (error ? reject(error) : resolve()))).finally(() => {
      if (!this.queued) this.running = undefined;
    });
  }

  async close(): Promise<void> {
    await this.queued?.catch(() => undefined);
    await this.running?.catch(() => undefined);
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
