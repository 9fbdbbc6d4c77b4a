import { join } from 'node:path';
import type { Database } from './database';
import { PostgresDatabase } from './postgres';
import { SqliteDatabase } from './sqlite';

export type { Database } from './database';

/**
 * Opens the database the configuration names, migrated: PostgreSQL when DATABASE_URL is a
 * postgres:// URL, else the SQLite file in DATA_DIR (the embedded default).
 */
export async function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  if (options.databaseUrl) return PostgresDatabase.open(options.databaseUrl);
  return new SqliteDatabase(databaseFile(options.dataDir));
}

export function databaseFile(dataDir: string): string {
  return join(dataDir, 'termboard.db');
}
