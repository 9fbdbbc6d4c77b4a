import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Opens (creating when needed) the SQLite database, sets its pragmas and applies migrations. */
export function openDatabase(file: string): Db {
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  // WAL: screens keep reading the board while a reading is written; readers never block the writer.
  sqlite.pragma('journal_mode = WAL');
  // FULL: every acknowledged reading is fsynced with its commit. NORMAL in WAL mode survives a
  // crash of the process but may lose the last commits on power loss; readings must survive both,
  // and a few hundred writes a minute leave plenty of room for the extra fsync.
  sqlite.pragma('synchronous = FULL');
  // SQLite leaves foreign keys unchecked unless asked, per connection.
  sqlite.pragma('foreign_keys = ON');
  // Another connection (a backup, the CLI, a second process during a restart) may hold the write
  // lock briefly: wait for it instead of failing with SQLITE_BUSY.
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle({ client: sqlite, schema }) as Db;
  migrate(db, { migrationsFolder: MIGRATIONS });
  return db;
}

export function databaseFile(dataDir: string): string {
  return join(dataDir, 'termboard.db');
}
