import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { openSync, readSync, closeSync, statSync } from 'node:fs';
import type { Database } from './database';

/** The table drizzle's migrator keeps: every termboard database has it. */
const MIGRATIONS_TABLE = '__drizzle_migrations';
const SQLITE_HEADER = 'SQLite format 3\0';

/** A database that must not be served: the message says what is wrong and what to do. */
export class UnusableDatabaseError extends Error {}

const RESTORE_HINT = 'restore a backup (npm run restore -- <file>, docs/deployment.md)';

/**
 * Refuses an existing file that is not a termboard database (empty, not SQLite, or another
 * application's), before anything migrates or seeds it. A missing file is fine: a new database.
 */
export function assertTermboardFile(file: string): void {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return;
  }
  if (size === 0) {
    throw new UnusableDatabaseError(`${file} exists but is empty (0 bytes), so it is not a termboard database: move it away to start a new database, or ${RESTORE_HINT}`);
  }
  const problem = foreignReason(file);
  if (problem) throw new UnusableDatabaseError(`${file} ${problem}, so it is not a termboard database: move it away to start a new database, or ${RESTORE_HINT}`);
}

/** Why a non-empty file is not a termboard database, or null when it is one. */
export function foreignReason(file: string): string | null {
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) return 'is not an SQLite database';
  let client: BetterSqlite3.Database | undefined;
  try {
    client = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    const tables = client.prepare(`select name from sqlite_master where type = 'table'`).pluck().all() as string[];
    if (!tables.includes(MIGRATIONS_TABLE)) return tables.length === 0 ? 'is an SQLite database without any table' : `is another application's SQLite database (tables ${tables.slice(0, 5).join(', ')})`;
    return null;
  } catch (error) {
    return `cannot be read (${(error as Error).message})`;
  } finally {
    client?.close();
  }
}

/**
 * The start's check that the database reads back: SQLite's `PRAGMA quick_check` (every page of
 * every table and index, without the slower cross-checks of integrity_check); on PostgreSQL, which
 * checks its own pages, a read of every table. Throws UnusableDatabaseError naming the problems.
 */
export async function checkDatabase(db: Database): Promise<void> {
  let problems: string[];
  try {
    problems = db.dialect === 'sqlite' ? await sqliteProblems(db) : await postgresProblems(db);
  } catch (error) {
    problems = [(error as Error).message];
  }
  if (problems.length === 0) return;
  const check = db.dialect === 'sqlite' ? 'PRAGMA quick_check' : 'a read of every table';
  throw new UnusableDatabaseError(`the database failed its integrity check (${check}): ${problems.slice(0, 3).join('; ')}. Do not write to it: ${RESTORE_HINT}`);
}

async function sqliteProblems(db: Database): Promise<string[]> {
  const rows = await db.rows<{ quick_check: string }>(sql`pragma quick_check(10)`);
  const lines = rows.map((row) => row.quick_check);
  return lines.length === 1 && lines[0] === 'ok' ? [] : lines;
}

async function postgresProblems(db: Database): Promise<string[]> {
  const tables = await db.rows<{ name: string }>(sql`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`);
  const problems: string[] = [];
  for (const { name } of tables) {
    try {
      await db.rows(sql`select count(*) from ${sql.identifier(name)}`);
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
    }
  }
  return problems;
}
