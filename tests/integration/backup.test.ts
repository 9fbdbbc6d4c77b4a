import BetterSqlite3 from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlRows } from '../helpers/sql';
import { api, startTestServer, type TestServer } from '../helpers/start-test-server';
import { createPostgresDatabase, testDialect } from '../helpers/temp-db';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');

let server: TestServer;
let folder: string;

beforeAll(async () => {
  server = await startTestServer();
  folder = mkdtempSync(join(tmpdir(), 'termboard-backup-'));
});
afterAll(async () => {
  await server.close();
  rmSync(folder, { recursive: true, force: true });
});

async function readingCount(): Promise<number> {
  const [row] = await sqlRows<{ n: number }>(server.db, sql`select cast(count(*) as integer) as n from readings`);
  return row!.n;
}

describe(`npm run backup (${testDialect})`, () => {
  it('copies the database while the server runs, with every committed reading, and the copy restores', async () => {
    const cookie = await server.login();
    const { body: board } = await api(server, 'GET', '/api/board', { cookie });
    const id = board.indicators.find((i: { code: string }) => i.code === 'XDD-01').id;
    expect((await api(server, 'POST', `/api/indicators/${id}/readings`, { body: { date: '2026-11-27', value: 7 }, cookie })).status).toBe(201);
    const expected = await readingCount();

    const env = { PATH: process.env.PATH ?? '', DATA_DIR: server.dir, ...(server.databaseUrl ? { DATABASE_URL: server.databaseUrl } : {}) };
    const { stdout } = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'backup.ts'), folder], { cwd: ROOT, env });
    const file = stdout.trim();
    expect(file.startsWith(folder)).toBe(true);

    if (testDialect === 'sqlite') {
      const copy = new BetterSqlite3(file, { readonly: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        expect((copy.prepare('select count(*) as n from readings').get() as { n: number }).n).toBe(expected);
      } finally {
        copy.close();
      }
    } else {
      const restored = await createPostgresDatabase(process.env.TEST_DATABASE_URL!);
      try {
        await run('pg_restore', ['--no-owner', `--dbname=${restored.url}`, file]);
        const client = new pg.Client({ connectionString: restored.url });
        await client.connect();
        const { rows } = await client.query('select cast(count(*) as integer) as n from readings');
        await client.end();
        expect(rows[0].n).toBe(expected);
      } finally {
        await restored.drop();
      }
    }
  });

  it('fails with a clear message when there is nothing to back up', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'termboard-empty-'));
    const failure = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'backup.ts'), folder], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', DATA_DIR: empty, ...(testDialect === 'postgres' ? { DATABASE_URL: 'postgres://nobody:wrong@127.0.0.1:1/none' } : {}) },
    }).catch((error: { code: number; stderr: string }) => error);
    rmSync(empty, { recursive: true, force: true });
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toMatch(/^backup failed: /m);
  });
});
