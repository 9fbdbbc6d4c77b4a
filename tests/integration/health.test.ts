import { sql } from 'drizzle-orm';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../server/app';
import { databaseFile, openDatabase } from '../../server/db/client';
import type { Database } from '../../server/db/database';
import { seedDemo } from '../../server/seed/seed';
import { corruptTables } from '../helpers/corrupt';
import { sqlRun } from '../helpers/sql';
import { api, startTestServer, TEST_NOW, type TestServer } from '../helpers/start-test-server';
import { tempDatabase, testDialect, type TempDatabase } from '../helpers/temp-db';

// Each test has its own server and database: one that fails leaves the next untouched.
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function server(options: { nodeName?: string } = {}): Promise<TestServer> {
  const started = await startTestServer({ seed: false, ...options });
  cleanups.push(() => started.close());
  return started;
}

/** An app over `db`, listening on an ephemeral port. */
async function appOver(db: Database, dir: string): Promise<{ url: string; app: App }> {
  const app = await createApp({ db, clock: { now: () => TEST_NOW }, timeZone: 'Asia/Ho_Chi_Minh', logLevel: 'silent', dataDir: dir });
  cleanups.push(() => app.close());
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  return { url: `http://127.0.0.1:${(app.http.server.address() as AddressInfo).port}`, app };
}

/**
 * A demo database whose board tables no longer read back: on SQLite their pages are garbage (a
 * failing disk), on PostgreSQL the table is gone (a mistaken statement). It still opens.
 */
async function unreadableDatabase(): Promise<{ db: Database; dir: string }> {
  const temp: TempDatabase = await tempDatabase();
  cleanups.push(() => temp.remove());
  await seedDemo(temp.db, TEST_NOW, 'Asia/Ho_Chi_Minh');
  if (testDialect === 'postgres') {
    await sqlRun(temp.db, sql`alter table terms rename to terms_gone`);
    return { db: temp.db, dir: temp.dir };
  }
  await temp.db.close();
  corruptTables(databaseFile(temp.dir), ['terms', 'indicators', 'readings']);
  const db = await openDatabase({ dataDir: temp.dir });
  cleanups.push(() => db.close());
  return { db, dir: temp.dir };
}

describe(`GET /api/health (${testDialect})`, () => {
  it('says ok and which database, and no host name or process id', async () => {
    const { status, body } = await api(await server(), 'GET', '/api/health');
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok', time: expect.any(String), database: testDialect });
    expect(JSON.stringify(body)).not.toContain(String(process.pid));
  });

  it('names the node when NODE_NAME gives it a name (several nodes behind a load balancer)', async () => {
    const { body } = await api(await server({ nodeName: 'node-7' }), 'GET', '/api/health');
    expect(body).toMatchObject({ status: 'ok', node: 'node-7' });
  });

  it('answers 503 while the node cannot reach its database, so that a load balancer takes it out', async () => {
    const running = await server();
    await running.db.close();
    const { status, body } = await api(running, 'GET', '/api/health');
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: 'unavailable', database: 'unreadable' });
  });

  it('answers 503 when the database opens but its tables no longer read back', async () => {
    const { db, dir } = await unreadableDatabase();
    const running = await appOver(db, dir);
    const { status, body } = await api(running, 'GET', '/api/health');
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: 'unavailable', database: 'unreadable' });
  });
});
