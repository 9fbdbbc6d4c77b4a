import BetterSqlite3 from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFile } from '../../server/db/client';
import { corruptTables } from '../helpers/corrupt';
import { freePort, runCli, spawnedServers, waitHealthy } from '../helpers/server-process';
import { eventually } from '../helpers/socket-client';
import { sqlRows } from '../helpers/sql';
import { api, signIn, startTestServer, type TestServer } from '../helpers/start-test-server';
import { createPostgresDatabase, TEST_DATABASE_URL, testDialect } from '../helpers/temp-db';

/** These tests start processes one after another: room for a machine under load. */
const SPAWNS = { timeout: 120_000 };

const servers = spawnedServers();
const PASSWORD = 'Admin-Password-1';
const BACKUP_NAME = /^termboard-[\dTZ-]+\.(db|dump)$/;

// Each test has its own server, database and folders.
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'termboard-backup-'));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

async function inProcessServer(): Promise<TestServer> {
  const server = await startTestServer();
  cleanups.push(() => server.close());
  return server;
}

async function readingCount(server: TestServer): Promise<number> {
  const [row] = await sqlRows<{ n: number }>(server.db, sql`select cast(count(*) as integer) as n from readings`);
  return row!.n;
}

const backups = (folder: string) => (existsSync(folder) ? readdirSync(folder).filter((name) => BACKUP_NAME.test(name)).sort() : []);

describe(`npm run backup (${testDialect})`, SPAWNS, () => {
  it('copies the database while the server runs, with every committed reading, and the copy opens', async () => {
    const server = await inProcessServer();
    const folder = tempFolder();
    const cookie = await server.login();
    const { body: board } = await api(server, 'GET', '/api/board', { cookie });
    const id = board.indicators.find((i: { code: string }) => i.code === 'XDD-01').id;
    expect((await api(server, 'POST', `/api/indicators/${id}/readings`, { body: { date: '2026-11-27', value: 7 }, cookie })).status).toBe(201);
    const expected = await readingCount(server);

    const env = { DATA_DIR: server.dir, ...(server.databaseUrl ? { DATABASE_URL: server.databaseUrl } : {}) };
    const { code, stdout } = await runCli('backup', [folder], env);
    expect(code).toBe(0);
    const file = stdout.trim();
    expect(file.startsWith(folder)).toBe(true);
    expect(backups(folder)).toHaveLength(1);

    if (testDialect === 'sqlite') {
      const copy = new BetterSqlite3(file, { readonly: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        expect((copy.prepare('select count(*) as n from readings').get() as { n: number }).n).toBe(expected);
      } finally {
        copy.close();
      }
    }
  });

  it('fails with a clear message when there is nothing to back up', async () => {
    const empty = tempFolder();
    const failure = await runCli('backup', [tempFolder()], { DATA_DIR: empty, ...(testDialect === 'postgres' ? { DATABASE_URL: 'postgres://nobody:wrong@127.0.0.1:1/none' } : {}) });
    expect(failure.code).toBe(1);
    expect(failure.stderr).toMatch(/^backup failed: /m);
  });
});

describe(`scheduled backups and npm run restore (${testDialect})`, SPAWNS, () => {
  it('backs up on the schedule keeping the newest BACKUP_KEEP; after damage, a checked restore brings back every reading', async () => {
    const store = await servers.store();
    const env = { ...store.env, ADMIN_PASSWORD: PASSWORD };
    const folder = join(store.dataDir, 'backups');
    const server = servers.start({ ...env, BACKUP_CRON: '* * * * * *', BACKUP_KEEP: '2', LOG_LEVEL: 'info' }, await freePort());
    await waitHealthy(server);

    const cookie = await signIn(server.url, 'admin', PASSWORD);
    const { body: board } = await api(server, 'GET', '/api/board', { cookie });
    const ids: number[] = board.indicators.slice(0, 3).map((i: { id: number }) => i.id);
    for (const id of ids) {
      const posted = await api(server, 'POST', `/api/indicators/${id}/readings`, { body: { date: '2026-11-27', value: 1 }, cookie });
      expect(posted.status).toBe(201);
    }
    const readingsOf = async (url: string, session: string) =>
      Promise.all(ids.map(async (id) => (await api({ url }, 'GET', `/api/indicators/${id}/readings?limit=10000`, { cookie: session })).body.readings));
    const before = await readingsOf(server.url, cookie);
    const lastAnswer = new Date().toISOString().replace(/[:.]/g, '-');

    // Three backups written after the last reading: the newest holds it, and two were pruned.
    const written = () => server.output().split('\n').filter((line) => line.includes('"backup written"'));
    await eventually('three backups after the last reading', () => backups(folder).filter((name) => name > `termboard-${lastAnswer}`).length >= 2 && written().length >= 3, 30_000);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const kept = backups(folder);
    expect(kept).toHaveLength(2);
    expect(readdirSync(folder).filter((name) => name.endsWith('.partial'))).toEqual([]);
    const newest = join(folder, kept.at(-1)!);

    // The damage, and a damaged copy that restore must refuse.
    const broken = join(tempFolder(), 'broken');
    let target: Record<string, string>;
    if (testDialect === 'sqlite') {
      corruptTables(databaseFile(store.dataDir), ['readings']);
      const refusedStart = servers.start(env, await freePort());
      expect(await refusedStart.exited).toBe(1);
      expect(refusedStart.output()).toMatch(/failed its integrity check \(PRAGMA quick_check\)/);
      copyFileSync(newest, broken);
      corruptTables(broken, ['readings']);
      expect(await runCli('restore', [broken], env)).toMatchObject({ code: 1, stderr: expect.stringMatching(/^restore refused: .*broken is damaged \(/) });
      target = env;
    } else {
      writeFileSync(broken, 'PGDMP truncated');
      expect(await runCli('restore', [broken], env)).toMatchObject({ code: 1, stderr: expect.stringMatching(/^restore refused: .*broken is not a termboard backup made by pg_dump/) });
      // PostgreSQL restores into an empty database, never over a live one.
      expect(await runCli('restore', [newest], env)).toMatchObject({ code: 1, stderr: expect.stringMatching(/^restore refused: the database DATABASE_URL names is not empty/) });
      const fresh = await createPostgresDatabase(TEST_DATABASE_URL!);
      cleanups.push(() => fresh.drop());
      target = { ...env, DATABASE_URL: fresh.url };
    }

    const restored = await runCli('restore', [newest], target);
    expect(restored).toMatchObject({ code: 0, stderr: '' });
    expect(restored.stdout).toMatch(/^restored .* start termboard\n$/);

    const again = servers.start(target, await freePort());
    await waitHealthy(again);
    const session = await signIn(again.url, 'admin', PASSWORD);
    expect(await readingsOf(again.url, session)).toEqual(before);
    if (testDialect === 'sqlite') {
      expect(await runCli('restore', [newest], target)).toMatchObject({ code: 1, stderr: expect.stringMatching(/^restore refused: .*termboard\.db is in use: stop termboard first/) });
    }
  });
});
