import { describe, expect, it } from 'vitest';
import { freePort, spawnedServers, waitHealthy } from '../helpers/server-process';

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

describe('start-up', () => {
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
    const first = start(store.env, await freePort());
    await waitHealthy(first);
    const password = /Password: (\S+)/.exec(first.output())?.[1];
    expect(password).toBeDefined();
    expect(await login(first.url, 'admin', password!)).toBe(200);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = start(store.env, await freePort());
    await waitHealthy(second);
    expect(second.output()).not.toMatch(/Password:/);
    expect(await login(second.url, 'admin', password!)).toBe(200);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
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
