// Online backups: a consistent copy of the database while termboard runs. SQLite: the online
// backup API, page by page; PostgreSQL: pg_dump's custom format. Used by `npm run backup` and by
// the server's schedule (schedule.ts).
import BetterSqlite3 from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Where the database is: the SQLite file, or PostgreSQL's URL. */
export type DatabaseLocation = { file: string; url?: undefined } | { url: string; file?: undefined };

/** Backups are named by their instant, so that names sort by age. */
const BACKUP_NAME = /^termboard-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.(db|dump)$/;

function stamp(instant: number): string {
  return new Date(instant).toISOString().replace(/[:.]/g, '-');
}

/**
 * Writes a backup into `folder` and returns its path. The copy is written under a `.partial`
 * name and renamed when complete: a file with a backup's name is always a whole backup.
 */
export async function backUp(location: DatabaseLocation, folder: string, now = Date.now()): Promise<string> {
  mkdirSync(folder, { recursive: true });
  const target = join(folder, `termboard-${stamp(now)}.${location.file === undefined ? 'dump' : 'db'}`);
  const partial = `${target}.partial`;
  try {
    if (location.file === undefined) await dumpPostgres(location.url, partial);
    else await copySqlite(location.file, partial);
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
  return target;
}

async function copySqlite(file: string, target: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`no database at ${file} (DATA_DIR)`);
  const source = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(target);
  } finally {
    source.close();
  }
}

function dumpPostgres(url: string, target: string): Promise<void> {
  return new Promise<void>((done, fail) => {
    // The credentials travel in the environment, not on the command line other users can read.
    const dump = spawn('pg_dump', ['--format=custom', '--no-owner', `--file=${target}`], {
      env: { ...process.env, ...libpqEnv(url) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    dump.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    dump.once('error', (error) => fail(new Error(`pg_dump could not run (install postgresql-client): ${error.message}`)));
    dump.once('exit', (code) => (code === 0 ? done() : fail(new Error(`pg_dump exited with ${code}: ${errors.trim()}`))));
  });
}

/** DATABASE_URL as libpq's variables (query parameters such as sslmode become PGSSLMODE). */
export function libpqEnv(url: string): Record<string, string> {
  const parsed = new URL(url);
  const env: Record<string, string> = {
    PGHOST: decodeURIComponent(parsed.hostname),
    PGPORT: parsed.port || '5432',
    PGDATABASE: decodeURIComponent(parsed.pathname.slice(1)),
  };
  if (parsed.username) env.PGUSER = decodeURIComponent(parsed.username);
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
  for (const [key, value] of parsed.searchParams) env[`PG${key.toUpperCase()}`] = value;
  return env;
}

/** Deletes all but the newest `keep` backups in `folder`; returns the names deleted. */
export function pruneBackups(folder: string, keep: number): string[] {
  const names = readdirSync(folder)
    .filter((name) => BACKUP_NAME.test(name))
    .sort();
  const old = names.slice(0, Math.max(0, names.length - keep));
  for (const name of old) rmSync(join(folder, name), { force: true });
  return old;
}
