// Restores a backup made by backup.ts, after checking it: the server must be stopped (SQLite),
// the file must be a whole termboard backup that this version can open. The database it
// replaces is kept beside it, never deleted.
import BetterSqlite3 from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { foreignReason } from '../integrity';
import { MIGRATIONS } from '../sqlite';
import { libpqEnv } from './backup';

/** A backup that must not be restored, or a database it must not replace: the message says why. */
export class RestoreRefused extends Error {}

/** Checks an SQLite backup: a termboard database, whole (integrity_check), of a schema this version knows. */
export function checkSqliteBackup(file: string): void {
  if (!existsSync(file)) throw new RestoreRefused(`${file} does not exist`);
  if (statSync(file).size === 0) throw new RestoreRefused(`${file} is empty (0 bytes)`);
  const foreign = foreignReason(file);
  if (foreign) throw new RestoreRefused(`${file} ${foreign}: not a termboard backup`);
  const copy = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const problems = copy.pragma('integrity_check(10)', { simple: false }) as Array<{ integrity_check: string }>;
    const lines = problems.map((row) => row.integrity_check);
    if (lines.length !== 1 || lines[0] !== 'ok') throw new RestoreRefused(`${file} is damaged (integrity_check: ${lines.slice(0, 3).join('; ')})`);
    const applied = (copy.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n;
    const known = (JSON.parse(readFileSync(join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;
    if (applied > known) throw new RestoreRefused(`${file} comes from a newer termboard (${applied} migrations, this version knows ${known}): restore it with that version`);
  } catch (error) {
    if (error instanceof RestoreRefused) throw error;
    throw new RestoreRefused(`${file} is damaged (${(error as Error).message})`);
  } finally {
    copy.close();
  }
}

/** True when some process (a running termboard) has the database open. */
function inUse(file: string): boolean {
  if (!existsSync(file)) return false;
  const probe = new BetterSqlite3(file, { fileMustExist: true, timeout: 0 });
  try {
    // Every connection to a WAL database holds a shared lock on it: an exclusive one is refused.
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('COMMIT');
    return false;
  } catch {
    return true;
  } finally {
    probe.close();
  }
}

/**
 * Replaces the SQLite database `file` with the backup. Refused while termboard runs on it. The
 * replaced database (and its -wal/-shm) is renamed to `<file>.replaced-<instant>`; returns that name.
 */
export function restoreSqlite(backup: string, file: string, now = Date.now()): string | null {
  checkSqliteBackup(backup);
  if (inUse(file)) throw new RestoreRefused(`${file} is in use: stop termboard first`);
  const suffix = `.replaced-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
  let kept: string | null = null;
  if (existsSync(file)) {
    kept = `${file}${suffix}`;
    renameSync(file, kept);
  }
  for (const extra of ['-wal', '-shm']) if (existsSync(file + extra)) renameSync(file + extra, `${file}${suffix}${extra}`);
  const partial = `${file}.restoring`;
  copyFileSync(backup, partial);
  const fd = openSync(partial, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(partial, file);
  return kept;
}

/**
 * Restores a pg_dump backup into the PostgreSQL database `url`, which must be empty: the file is
 * listed first (pg_restore --list), and a database holding tables is never overwritten.
 */
export async function restorePostgres(backup: string, url: string): Promise<void> {
  if (!existsSync(backup)) throw new RestoreRefused(`${backup} does not exist`);
  const listing = await run('pg_restore', ['--list', backup], {});
  if (listing.code !== 0 || !/TABLE .*__drizzle_migrations|TABLE public readings /.test(listing.out)) {
    throw new RestoreRefused(`${backup} is not a termboard backup made by pg_dump (${listing.err.trim() || 'no termboard tables in it'})`);
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(`select cast(count(*) as integer) as n from information_schema.tables where table_schema in ('public', 'drizzle')`);
    if (rows[0]!.n > 0) throw new RestoreRefused('the database DATABASE_URL names is not empty: create an empty one, point DATABASE_URL at it, and restore into that');
  } finally {
    await client.end();
  }
  const restored = await run('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${new URL(url).pathname.slice(1)}`, backup], libpqEnv(url));
  if (restored.code !== 0) throw new Error(`pg_restore failed: ${restored.err.trim()}`);
}

function run(command: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('error', (error) => fail(new Error(`${command} could not run (install postgresql-client): ${error.message}`)));
    child.once('exit', (code) => done({ code, out, err }));
  });
}
