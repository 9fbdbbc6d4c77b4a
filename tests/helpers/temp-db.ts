import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { databaseFile, openDatabase } from '../../server/db/client';
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

/**
 * What a test's database starts with, built once per test process and copied for each test:
 * `key` names the content (the same key, the same rows), `fill` writes it into a fresh database.
 * Seeding the demo term and hashing the first admin's password took most of a test server's
 * start; a SQLite file is copied in a millisecond. PostgreSQL fills each database itself.
 */
export interface DatabaseTemplate {
  key: string;
  fill(db: Database, dir: string): Promise<void>;
}

let templateDir: string | undefined;
const templateFiles = new Map<string, string>();

/** A fresh, migrated database for one test: a SQLite file in a temporary directory, or a new PostgreSQL database; filled from `template` when given. */
export async function tempDatabase(template?: DatabaseTemplate): Promise<TempDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'termboard-test-'));
  const copied = template && !TEST_DATABASE_URL ? templateFiles.get(template.key) : undefined;
  if (copied) copyFileSync(copied, databaseFile(dir));
  const created = TEST_DATABASE_URL ? await createPostgresDatabase(TEST_DATABASE_URL) : undefined;
  const db = await openDatabase({ databaseUrl: created?.url, dataDir: dir });
  if (template && !copied) {
    await template.fill(db, dir);
    if (!TEST_DATABASE_URL) templateFiles.set(template.key, await saveTemplate(db, template.key));
  }
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

/** A consistent copy of a SQLite database (VACUUM INTO), kept until the test process ends. */
async function saveTemplate(db: Database, key: string): Promise<string> {
  if (!templateDir) {
    const made = mkdtempSync(join(tmpdir(), 'termboard-templates-'));
    templateDir = made;
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
  }
  const file = join(templateDir, `${templateFiles.size}.db`);
  if (existsSync(file)) rmSync(file);
  await db.execute(sql.raw(`vacuum into '${file.replaceAll("'", "''")}'`));
  return file;
}

/** An empty database on the server `serverUrl` points at, and how to drop it. */
export async function createPostgresDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `termboard_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = async (...statements: string[]) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      for (const statement of statements) await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => dropPostgresDatabase(name, admin) };
}

/**
 * Drops a test database. `with (force)` is not used: it must terminate every session on the
 * database, and one may be an autovacuum worker, which a user that is not a superuser may not
 * signal (CI failed on exactly that). Our own sessions are ended first; a plain DROP then tells
 * autovacuum to leave, and waits up to 5 s for what is still there, so an "in use" is retried.
 */
async function dropPostgresDatabase(name: string, admin: (...statements: string[]) => Promise<void>): Promise<void> {
  const endOurSessions = `select pg_terminate_backend(pid) from pg_stat_activity
    where datname = '${name}' and usename = current_user and pid <> pg_backend_pid()`;
  for (let attempt = 1; ; attempt++) {
    try {
      await admin(endOurSessions, `drop database if exists ${name}`);
      return;
    } catch (error) {
      const inUse = (error as { code?: string }).code === '55006';
      if (!inUse || attempt === 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}
