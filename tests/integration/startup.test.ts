import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFile } from '../../server/db/client';
import { corruptTables } from '../helpers/corrupt';
import { freePort, spawnedServers, tempDataDir, waitHealthy } from '../helpers/server-process';

/** These tests start processes one after another: room for a machine under load. */
const SPAWNS = { timeout: 120_000 };

const servers = spawnedServers();
const start = (env: Record<string, string>, port: number) => servers.start(env, port);

async function login(url: string, username: string, password: string): Promise<number> {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return response.status;
}

describe('start-up', SPAWNS, () => {
  it('stops on invalid configuration with one line naming each bad variable', async () => {
    const store = await servers.store();
    const server = start(
      { ...store.env, TZ_BOARD: 'Mars/Olympus', SEED_DEMO: 'maybe', ADMIN_PASSWORD: 'short', DATABASE_URL: 'mysql://root:hunter22@db/termboard', REDIS_URL: 'http://cache' },
      70_000,
    );
    expect(await server.exited).toBe(1);
    const lines = server.output().trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines.find((l) => l.includes('DATABASE_URL='))).toMatch(/must be a postgres:\/\/ URL/);
    expect(lines.find((l) => l.includes('REDIS_URL='))).toMatch(/must be a redis:\/\/ URL/);
    // Secrets are named, never printed.
    expect(server.output()).not.toMatch(/hunter22|short/);
    expect(lines.find((l) => l.includes('PORT='))).toMatch(/^Invalid configuration: PORT="70000" must be a port number/);
    expect(lines.find((l) => l.includes('TZ_BOARD='))).toMatch(/IANA time zone/);
    expect(lines.find((l) => l.includes('SEED_DEMO='))).toMatch(/true or false/);
    expect(lines.find((l) => l.includes('ADMIN_PASSWORD='))).toMatch(/at least 8/);
  });

  it('stops with one line when the database cannot be reached, naming it without its password', async () => {
    const store = await servers.store();
    const closed = await freePort();
    const server = start({ ...store.env, DATABASE_URL: `postgres://termboard:hunter22@127.0.0.1:${closed}/termboard` }, await freePort());
    expect(await server.exited).toBe(1);
    expect(server.output().trim()).toMatch(new RegExp(`^Cannot open the database \\(PostgreSQL at postgres://termboard:\\*\\*\\*@127\\.0\\.0\\.1:${closed}/termboard\\): .*ECONNREFUSED`));
    expect(server.output()).not.toMatch(/hunter22/);
  });

  it('creates the first admin with a generated password printed once, seeds the demo term, and stops cleanly on SIGTERM', async () => {
    const store = await servers.store();
    const port = await freePort();
    // The default log level: what a person starting it sees.
    const first = start({ ...store.env, LOG_LEVEL: 'info' }, port);
    await waitHealthy(first);
    const password = /Password: (\S+)/.exec(first.output())?.[1];
    expect(password).toBeDefined();
    expect(await login(first.url, 'admin', password!)).toBe(200);
    for (let i = 0; i < 5; i++) expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
    // One readable line, with the URL and the password; no line per request.
    expect(first.output().trim().split('\n')).toEqual([
      `termboard is serving on http://127.0.0.1:${port} · first admin: admin  Password: ${password}  (shown only this once; \`npm run admin -- reset-password admin\` sets a new one)`,
    ]);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = start({ ...store.env, LOG_LEVEL: 'info' }, port);
    await waitHealthy(second);
    expect(second.output().trim().split('\n')).toEqual([`termboard is serving on http://127.0.0.1:${port}`]);
    expect(await login(second.url, 'admin', password!)).toBe(200);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });

  it('answers health as the built server without its host name or process id (unless NODE_NAME names the node)', async () => {
    const store = await servers.store();
    const server = start(store.env, await freePort());
    await waitHealthy(server);
    const answer = await fetch(`${server.url}/api/health`);
    const text = await answer.text();
    expect(text).not.toContain(hostname());
    expect(text).not.toContain(String(server.child.pid));
    expect(Object.keys(JSON.parse(text)).sort()).toEqual(['database', 'status', 'time']);
  });

  it('starts empty with SEED_DEMO=false and takes the admin from ADMIN_USERNAME / ADMIN_PASSWORD', async () => {
    const store = await servers.store();
    const server = start({ ...store.env, SEED_DEMO: 'false', ADMIN_USERNAME: 'quantri', ADMIN_PASSWORD: 'Quan-Tri-2026' }, await freePort());
    await waitHealthy(server);
    const response = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'quantri', password: 'Quan-Tri-2026' }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie()[0]!.split(';')[0]!;
    const board = await fetch(`${server.url}/api/board`, { headers: { cookie } });
    expect(board.status).toBe(404);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});

describe('a database file that is not a sound termboard database stops the start', SPAWNS, () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  /** A DATA_DIR holding `termboard.db` as the test makes it, on SQLite whatever the suite's dialect. */
  function dataDirWith(make: (file: string) => void): { dir: string; file: string } {
    const dir = tempDataDir();
    dirs.push(dir);
    const file = databaseFile(dir);
    mkdirSync(dir, { recursive: true });
    make(file);
    return { dir, file };
  }

  async function refused(dir: string): Promise<string> {
    const server = start({ DATA_DIR: dir }, await freePort());
    expect(await server.exited).toBe(1);
    const lines = server.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    return lines[0]!;
  }

  it('an empty (0-byte) file: not seeded, left as it was', async () => {
    const { dir, file } = dataDirWith((f) => writeFileSync(f, ''));
    expect(await refused(dir)).toBe(
      `Cannot open the database (SQLite file in ${dir}): ${file} exists but is empty (0 bytes), so it is not a termboard database: move it away to start a new database, or restore a backup (npm run restore -- <file>, docs/deployment.md)`,
    );
    expect(statSync(file).size).toBe(0);
  });

  it('a file that is not SQLite, or another application’s SQLite database: left as it was', async () => {
    const text = dataDirWith((f) => writeFileSync(f, 'name,value\nA,1\n'));
    expect(await refused(text.dir)).toMatch(/termboard\.db is not an SQLite database, so it is not a termboard database: move it away/);
    expect(readFileSync(text.file, 'utf8')).toBe('name,value\nA,1\n');

    const foreign = dataDirWith((f) => {
      const other = new BetterSqlite3(f);
      other.exec('create table customers (id integer primary key, name text)');
      other.close();
    });
    expect(await refused(foreign.dir)).toMatch(/termboard\.db is another application's SQLite database \(tables customers\), so it is not a termboard database/);
    const after = new BetterSqlite3(foreign.file, { readonly: true });
    expect(after.prepare(`select name from sqlite_master where type = 'table'`).pluck().all()).toEqual(['customers']);
    after.close();
  });

  it('a termboard database with damaged pages fails PRAGMA quick_check and is not served', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const first = start({ DATA_DIR: dir, ADMIN_PASSWORD: 'Admin-Password-1' }, await freePort());
    await waitHealthy(first);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    corruptTables(databaseFile(dir), ['readings']);
    expect(await refused(dir)).toMatch(
      new RegExp(`^Cannot open the database \\(SQLite file in ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\): the database failed its integrity check \\(PRAGMA quick_check\\): .+\\. Do not write to it: restore a backup`),
    );
  });
});
