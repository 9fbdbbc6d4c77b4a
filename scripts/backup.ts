// `npm run backup [folder]`: a consistent copy of the database while termboard runs
// (docs/deployment.md). SQLite: the online backup API; PostgreSQL: pg_dump's custom format.
import BetterSqlite3 from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { databaseFile } from '../server/db/client';
import { InvalidEnvError, parseEnv } from '../server/env';

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

async function backupSqlite(file: string, folder: string): Promise<string> {
  if (!existsSync(file)) throw new Error(`no database at ${file} (DATA_DIR)`);
  const target = join(folder, `termboard-${stamp()}.db`);
  const source = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(target);
  } finally {
    source.close();
  }
  return target;
}

async function backupPostgres(url: string, folder: string): Promise<string> {
  const target = join(folder, `termboard-${stamp()}.dump`);
  await new Promise<void>((done, fail) => {
    // The credentials travel in the environment, not on the command line other users can read.
    const dump = spawn('pg_dump', ['--format=custom', '--no-owner', `--file=${target}`], {
      env: { ...process.env, ...libpqEnv(url) },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    dump.once('error', (error) => fail(new Error(`pg_dump could not run (install postgresql-client): ${error.message}`)));
    dump.once('exit', (code) => (code === 0 ? done() : fail(new Error(`pg_dump exited with ${code}`))));
  });
  return target;
}

/** DATABASE_URL as libpq's variables (query parameters such as sslmode become PGSSLMODE). */
function libpqEnv(url: string): Record<string, string> {
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

try {
  const env = parseEnv(process.env);
  const folder = resolve(process.argv[2] ?? join(env.DATA_DIR, 'backups'));
  mkdirSync(folder, { recursive: true });
  const target = env.DATABASE_URL ? await backupPostgres(env.DATABASE_URL, folder) : await backupSqlite(databaseFile(env.DATA_DIR), folder);
  console.log(target);
} catch (error) {
  console.error(error instanceof InvalidEnvError ? error.lines.join('\n') : `backup failed: ${(error as Error).message}`);
  process.exit(1);
}
