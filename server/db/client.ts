import { join } from 'node:path';
import type { Database } from './database';
import { assertTermboardFile } from './integrity';
import { SqliteDatabase } from './sqlite';

export type { Database } from './database';

/**
 * Opens the database the configuration names, migrated: PostgreSQL when DATABASE_URL is a
 * postgres:// URL, else the SQLite file in DATA_DIR (the embedded default).
 */
export async function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  // pg is loaded only for PostgreSQL.
  if (options.databaseUrl) return (await import('./postgres')).PostgresDatabase.open(options.databaseUrl);
  const file = databaseFile(options.dataDir);
  // Before anything migrates or seeds it: an empty or foreign file stops the start.
  assertTermboardFile(file);
  return new SqliteDatabase(file);
}

export function databaseFile(dataDir: string): string {
  return join(dataDir, 'termboard.db');
}
