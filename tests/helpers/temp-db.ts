import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../server/db/client';
import type { Database } from '../../server/db/database';

/**
 * The dialect the integration suite runs on: SQLite unless TEST_DATABASE_URL names a PostgreSQL
 * server (a user that may create databases), as `.ci/run` does for its second pass.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;
export const testDialect = TEST_DATABASE_URL ? 'postgres' : 'sqlite';

export interface TempDatabase {
  db: Database;
  /** DATA_DIR (exports and, on SQLite, the database file). */
  dir: string;
  /** DATABASE_URL for a process on the same database (PostgreSQL only). */
  url: string | undefined;
  remove(): Promise<void>;
}

/** A fresh, migrated database for one test file: a SQLite file in a temporary directory, or a new PostgreSQL database. */
export async function tempDatabase(): Promise<TempDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'termboard-test-'));
  const created = TEST_DATABASE_URL ? await createPostgresDatabase(TEST_DATABASE_URL) : undefined;
  const db = await openDatabase({ databaseUrl: created?.url, dataDir: dir });
  return {
    db,
    dir,
    url: created?.url,
    async remove() {
      await db.close();
      await created?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An empty database on the server `serverUrl` points at, and how to drop it. */
export async function createPostgresDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `termboard_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}
