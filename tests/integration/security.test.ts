import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqlRows } from '../helpers/sql';
import { api, startTestServer, type TestServer } from '../helpers/start-test-server';

let server: TestServer;
let admin: string;
let indicatorId: number;
// Each test gets its own server and database: a failure leaves the next test untouched.
beforeEach(async () => {
  server = await startTestServer();
  admin = await server.login();
  indicatorId = (await api(server, 'GET', '/api/board', { cookie: admin })).body.indicators[0].id;
});
afterEach(() => server.close());

describe('security headers', () => {
  it('sends a Content-Security-Policy without inline scripts, and no referrer', async () => {
    const { headers } = await api(server, 'GET', '/api/health');
    const csp = headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('Origin check on writes', () => {
  const reading = { date: '2026-11-28', value: 1 };
  const countReadings = () => sqlRows<{ n: number }>(server.db, sql`select cast(count(*) as integer) as n from readings`);

  it('refuses a write from another site with 403 and writes nothing', async () => {
    const before = await countReadings();
    const { status, body } = await api(server, 'POST', `/api/indicators/${indicatorId}/readings`, {
      body: reading,
      cookie: admin,
      headers: { origin: 'https://evil.example' },
    });
    expect(status).toBe(403);
    expect(body.error.code).toBe('forbidden');
    expect(await countReadings()).toEqual(before);
    const login = await api(server, 'POST', '/api/session', { body: { username: 'admin', password: 'x' }, headers: { origin: 'null' } });
    expect(login.status).toBe(403);
  });

  it('accepts the same origin, and clients that send no Origin', async () => {
    const same = await api(server, 'POST', `/api/indicators/${indicatorId}/readings`, { body: reading, cookie: admin, headers: { origin: server.url } });
    expect(same.status).toBe(201);
    const none = await api(server, 'POST', `/api/indicators/${indicatorId}/readings`, { body: reading, cookie: admin });
    expect(none.status).toBe(201);
  });
});
