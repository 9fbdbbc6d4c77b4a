import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqlRun } from '../helpers/sql';
import { ADMIN, api, startTestServer, type TestServer } from '../helpers/start-test-server';

let server: TestServer;
// Each test gets its own server and database: a failure leaves the next test untouched.
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

describe('GET /api/health', () => {
  it('answers ok once the database is open', async () => {
    const { status, body } = await api(server, 'GET', '/api/health');
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
  });
});

describe('POST /api/session', () => {
  it('signs in with the right password and sets an http-only SameSite session cookie', async () => {
    const { status, body, headers } = await api(server, 'POST', '/api/session', { body: ADMIN });
    expect(status).toBe(200);
    expect(body.user).toMatchObject({ username: 'admin', role: 'admin' });
    const cookie = headers.getSetCookie().find((c) => c.startsWith('termboard_session='));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(body.user).not.toHaveProperty('passwordHash');
  });

  it('matches the user name without regard to case', async () => {
    const { status } = await api(server, 'POST', '/api/session', { body: { username: 'ADMIN', password: ADMIN.password } });
    expect(status).toBe(200);
  });

  it.each([
    ['a wrong password', { username: 'admin', password: 'wrong-password' }],
    ['an unknown user', { username: 'nobody', password: ADMIN.password }],
  ])('refuses %s with 401 invalid_credentials and no cookie', async (_, credentials) => {
    const { status, body, headers } = await api(server, 'POST', '/api/session', { body: credentials });
    expect(status).toBe(401);
    expect(body.error.code).toBe('invalid_credentials');
    expect(headers.getSetCookie()).toHaveLength(0);
  });

  it.each([
    ['malformed JSON', { rawBody: '{"username": "admin",', headers: { 'content-type': 'application/json' } }, 400, 'malformed_json'],
    ['an empty JSON body', { rawBody: '', headers: { 'content-type': 'application/json' } }, 400, 'malformed_json'],
    ['a missing password', { body: { username: 'admin' } }, 400, 'validation_failed'],
    ['an unknown field', { body: { ...ADMIN, remember: true } }, 400, 'validation_failed'],
    ['wrong types', { body: { username: 1, password: [] } }, 400, 'validation_failed'],
    ['text/plain', { rawBody: 'admin', headers: { 'content-type': 'text/plain' } }, 415, 'unsupported_media_type'],
  ])('answers $0 with $2 $3', async (_, request, expectedStatus, code) => {
    const { status, body } = await api(server, 'POST', '/api/session', request);
    expect(status).toBe(expectedStatus);
    expect(body.error.code).toBe(code);
  });

  it('refuses a disabled user', async () => {
    await server.createUser({ username: 'former', password: 'Former-Password-1', role: 'viewer' });
    await sqlRun(server.db, sql`update users set disabled_at = 1 where username = 'former'`);
    const { status } = await api(server, 'POST', '/api/session', { body: { username: 'former', password: 'Former-Password-1' } });
    expect(status).toBe(401);
  });
});

describe('GET and DELETE /api/session', () => {
  it('tells who is signed in, and signing out ends the session', async () => {
    const cookie = await server.login();
    const me = await api(server, 'GET', '/api/session', { cookie });
    expect(me.status).toBe(200);
    expect(me.body.user.username).toBe('admin');

    const out = await api(server, 'DELETE', '/api/session', { cookie });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().join()).toMatch(/termboard_session=;/);

    expect((await api(server, 'GET', '/api/session', { cookie })).status).toBe(401);
    expect((await api(server, 'GET', '/api/board', { cookie })).status).toBe(401);
  });

  it('expires a session after its lifetime (12 hours)', async () => {
    const cookie = await server.login();
    expect((await api(server, 'GET', '/api/board', { cookie })).status).toBe(200);
    server.clock.advance(12 * 60 * 60 * 1000 + 1);
    try {
      expect((await api(server, 'GET', '/api/board', { cookie })).status).toBe(401);
    } finally {
      server.clock.advance(-(12 * 60 * 60 * 1000 + 1));
    }
  });
});
