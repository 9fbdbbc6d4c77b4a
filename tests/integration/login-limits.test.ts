import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_THROTTLE } from '../../server/auth/login-throttle';
import { api, startTestServer, type TestServer } from '../helpers/start-test-server';
import { sqlRows } from '../helpers/sql';

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login();
});
afterAll(() => server.close());

const login = (username: string, password: string, ip: string) =>
  api(server, 'POST', '/api/session', { body: { username, password }, headers: { 'x-forwarded-for': ip } });

let n = 0;
async function account(password = 'Right-Password-1'): Promise<{ id: number; username: string }> {
  const username = `tk.${++n}`;
  return { id: await server.createUser({ username, password, role: 'editor', unitIds: [1] }), username };
}

/** Moves the server's clock past any delay, then back when `work` is done. */
async function later<T>(ms: number, work: () => Promise<T>): Promise<T> {
  server.clock.advance(ms);
  try {
    return await work();
  } finally {
    server.clock.advance(-ms);
  }
}

describe('sign-in delays', () => {
  it('never refuse the right password from an address the account knows, however many guesses come from elsewhere', async () => {
    const { username } = await account();
    expect((await login(username, 'Right-Password-1', '10.1.0.1')).status).toBe(200);
    const guesses: number[] = [];
    for (let i = 0; i < 12; i++) guesses.push((await login(username, `wrong-${i}`, `10.6.6.${i % 3}`)).status);
    expect(guesses.slice(0, LOGIN_THROTTLE.freeFailures)).toEqual(Array(LOGIN_THROTTLE.freeFailures).fill(401));
    expect(guesses).toContain(429);
    expect((await login(username, 'Right-Password-1', '10.1.0.1')).status).toBe(200);
  });

  it('slow an address down progressively, whatever accounts it tries, and say how long to wait', async () => {
    const ip = '10.7.7.7';
    for (let i = 0; i < LOGIN_THROTTLE.freeFailures; i++) expect((await login(`nobody.${i}`, 'wrong-password', ip)).status).toBe(401);
    const refused = await login('nobody.x', 'wrong-password', ip);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(refused.headers.get('retry-after')).toBe('1');
    // A refused attempt is not counted: after the wait, one more try, then twice the wait.
    await later(1000, async () => {
      expect((await login('nobody.y', 'wrong-password', ip)).status).toBe(401);
      expect((await login('nobody.z', 'wrong-password', ip)).headers.get('retry-after')).toBe('2');
    });
    // Other addresses are not slowed down.
    expect((await login('admin', 'Admin-Password-1', '10.7.7.8')).status).toBe(200);
  });

  it('slow an account down for addresses it does not know, until an admin sets a new password', async () => {
    const { id, username } = await account();
    for (let i = 0; i < LOGIN_THROTTLE.freeFailures; i++) expect((await login(username, 'wrong-password', `10.8.${i}.1`)).status).toBe(401);
    expect((await login(username, 'Right-Password-1', '10.8.99.1')).status).toBe(429);
    expect((await api(server, 'POST', `/api/users/${id}/password`, { body: { password: 'Reset-Password-77' }, cookie: admin })).status).toBe(204);
    expect((await login(username, 'Reset-Password-77', '10.8.99.1')).status).toBe(200);
  });

  it('apply to the password change too: a stolen session is no fast oracle', async () => {
    const { username } = await account();
    const cookie = await server.login(username, 'Right-Password-1');
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const answer = await api(server, 'POST', '/api/session/password', {
        body: { currentPassword: `wrong-${i}`, newPassword: 'Another-Password-5' },
        cookie,
        headers: { 'x-forwarded-for': '10.9.1.1' },
      });
      statuses.push(answer.status);
    }
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(LOGIN_THROTTLE.freeFailures);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20 - LOGIN_THROTTLE.freeFailures);
  });

  it('add a few audit rows per burst of failures, not one each, with the counts', async () => {
    const { id, username } = await account();
    const rows = () =>
      sqlRows<{ after: string }>(server.db, sql`select "after" from audit_log where action = 'session.login_failed' and entity_id = ${id} order by id`);
    // Spread over addresses and time, so that none is refused: 40 failures counted.
    for (let i = 0; i < 40; i++) {
      server.clock.advance(LOGIN_THROTTLE.maxDelayMs);
      expect((await login(username, 'wrong-password', `10.10.${i}.1`)).status).toBe(401);
    }
    server.clock.advance(-40 * LOGIN_THROTTLE.maxDelayMs);
    // A row without counts (as each failure once wrote) shows as null.
    const audited = (await rows()).map((row) => (row.after ? JSON.parse(row.after).accountFailures : null));
    expect(audited).toEqual([1, 5, 8, 16, 32]);
  });
});

describe('password choice', () => {
  it.each([
    ['ten spaces', ' '.repeat(10)],
    ['ten NULs', '\u0000'.repeat(10)],
    ['a control character', 'Good-Password\u0007'],
    ['spaces around a short one', '    abc     '],
    ['a commonly used password', 'password123'],
    ['another', 'qwertyuiop'],
  ])('refuses %s on create, reset and change', async (_, password) => {
    const created = await api(server, 'POST', '/api/users', { body: { username: `pw.${++n}`, displayName: 'x', password, role: 'viewer' }, cookie: admin });
    expect(created.status).toBe(400);
    expect(created.body.error.fields.password).toBeDefined();
    const { id, username } = await account();
    expect((await api(server, 'POST', `/api/users/${id}/password`, { body: { password }, cookie: admin })).status).toBe(400);
    const cookie = await server.login(username, 'Right-Password-1');
    const changed = await api(server, 'POST', '/api/session/password', { body: { currentPassword: 'Right-Password-1', newPassword: password }, cookie });
    expect(changed.status).toBe(400);
    expect(changed.body.error.fields.newPassword).toBeDefined();
  });
});
