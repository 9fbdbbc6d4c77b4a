import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthRepository } from '../../server/auth/auth.repository';
import { EXPORT_TOKEN_TTL_MS } from '../../server/auth/auth.service';
import { hashSecret, newSecret } from '../../server/auth/tokens';
import { ExportsRepository } from '../../server/exports/exports.repository';
import { MAX_PENDING_PER_USER } from '../../server/exports/exports.service';
import { IMPORT_PREVIEW_TTL_MS } from '../../server/imports/imports.repository';
import { uploadFile } from '../helpers/multipart';
import { freePort, spawnedServers, waitHealthy } from '../helpers/server-process';
import { eventually } from '../helpers/socket-client';
import { api, startTestServer, type TestServer } from '../helpers/start-test-server';
import { sqlRows } from '../helpers/sql';

const spawned = spawnedServers();
let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login();
});
afterAll(() => server.close());

describe('exports', () => {
  it('refuses an asOf before 2000 with 400, not 500', async () => {
    const answer = await api(server, 'POST', '/api/exports', { body: { asOf: '0999-06-15T00:00:00Z' }, cookie: admin });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields.asOf).toBe('too_early');
  });

  it(`refuses a user's export past ${MAX_PENDING_PER_USER} waiting with 429`, async () => {
    const editorId = await server.createUser({ username: 'xuat.nhieu', password: 'Export-Password-1', role: 'editor', unitIds: [1] });
    const editor = await server.login('xuat.nhieu', 'Export-Password-1');
    // Waiting exports of this user, held by a node that is busy elsewhere (no browser starts here).
    const repository = new ExportsRepository(server.db);
    for (let i = 0; i < MAX_PENDING_PER_USER; i++) {
      await repository.queue(
        { kind: 'on_demand', slot: null, asOf: server.clock.now(), week: '2026-W48', requestedByUserId: editorId, now: server.clock.now() },
        { owner: 'another-node', until: server.clock.now() + 3_600_000 },
      );
    }
    const refused = await api(server, 'POST', '/api/exports', { body: {}, cookie: editor });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
  });

  it('refuses a schedule that runs more often than once an hour', async () => {
    for (const exportCron of ['* * * * * *', '* * * * *', '*/30 * * * *', '0,5 7 * * 1']) {
      const answer = await api(server, 'PATCH', '/api/settings', { body: { exportCron }, cookie: admin });
      expect(answer.status).toBe(400);
      expect(answer.body.error.fields.exportCron).toBe('too_frequent');
    }
    expect((await api(server, 'PATCH', '/api/settings', { body: { exportCron: '0 * * * *' }, cookie: admin })).status).toBe(200);
    expect((await api(server, 'PATCH', '/api/settings', { body: { exportCron: '0 7 * * 1' }, cookie: admin })).status).toBe(200);
  });

  it('lets the page token of an export left by a killed node expire', async () => {
    const auth = new AuthRepository(server.db);
    const token = (createdAt: number) => {
      const secret = newSecret('tbe');
      return auth.createToken({ kind: 'export', name: 'export 1', tokenHash: hashSecret(secret), createdByUserId: null, now: createdAt }).then(() => secret);
    };
    const stale = await token(server.clock.now() - EXPORT_TOKEN_TTL_MS - 1);
    const fresh = await token(server.clock.now());
    expect((await api(server, 'GET', '/api/board', { token: stale })).status).toBe(401);
    expect((await api(server, 'GET', '/api/board', { token: fresh })).status).toBe(200);
  });

  it('removes at start the browser profiles a killed export left, and keeps those in use or just made', async () => {
    // The server's temporary folder (TMPDIR), where Playwright makes a profile per browser.
    const folder = mkdtempSync(join(tmpdir(), 'termboard-profiles-'));
    const profile = (name: string, ageMs: number) => {
      const path = join(folder, `playwright_chromiumdev_profile-${name}`);
      mkdirSync(path);
      const at = new Date(Date.now() - ageMs);
      utimesSync(path, at, at);
      return path;
    };
    const stale = profile('stale', 3_600_000);
    const busy = profile('busy', 3_600_000);
    const young = profile('young', 0);
    // A browser still running with its profile (another node's on the same host).
    const browser = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)', '--', `--user-data-dir=${busy}`], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => browser.once('spawn', resolve));
      const store = await spawned.store();
      const started = spawned.start({ ...store.env, TMPDIR: folder }, await freePort());
      await waitHealthy(started);
      await eventually('the stale profile removed at start', () => !existsSync(stale), 10_000);
      expect([existsSync(busy), existsSync(young)]).toEqual([true, true]);
    } finally {
      browser.kill();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('API tokens', () => {
  it('refuse a scope of units or indicators that do not exist, as users do', async () => {
    const units = await api(server, 'POST', '/api/tokens', { body: { name: 'Một cửa', unitIds: [999999] }, cookie: admin });
    expect(units.status).toBe(400);
    expect(units.body.error.fields.unitIds).toBe('not_found');
    const indicators = await api(server, 'POST', '/api/tokens', { body: { name: 'Một cửa', indicatorIds: [999999] }, cookie: admin });
    expect(indicators.status).toBe(400);
    expect(indicators.body.error.fields.indicatorIds).toBe('not_found');
    expect((await api(server, 'POST', '/api/tokens', { body: { name: 'Một cửa', unitIds: [1] }, cookie: admin })).status).toBe(201);
  });
});

describe('import previews', () => {
  it('expire after a day: older ones are removed and cannot be committed', async () => {
    const upload = (cookie: string) => uploadFile(`${server.url}/api/imports`, 'so-lieu.csv', 'code,date,value\nKTGS-02,2026-11-20,1\n', { cookie });
    const old = await upload(admin);
    expect(old.status).toBe(201);
    server.clock.advance(IMPORT_PREVIEW_TTL_MS + 1);
    try {
      // A day later: a new session (the old one has expired).
      const cookie = await server.login();
      expect((await upload(cookie)).status).toBe(201);
      const kept = await sqlRows<{ id: number }>(server.db, sql`select id from imports`);
      expect(kept.map((row) => row.id)).not.toContain(old.body.id);
      expect((await api(server, 'POST', `/api/imports/${old.body.id}/commit`, { cookie })).status).toBe(404);
    } finally {
      server.clock.advance(-(IMPORT_PREVIEW_TTL_MS + 1));
    }
  });
});

describe('API answers', () => {
  it('carry Cache-Control: no-store, except the public logo', async () => {
    for (const path of ['/api/board', '/api/health', '/api/session', '/api/exports']) {
      const answer = await fetch(`${server.url}${path}`, { headers: { cookie: admin } });
      expect(answer.headers.get('cache-control')).toBe('no-store');
    }
    const missing = await fetch(`${server.url}/api/nothing-here`);
    expect(missing.headers.get('cache-control')).toBe('no-store');
  });
});
