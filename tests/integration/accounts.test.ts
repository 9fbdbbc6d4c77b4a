import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../helpers/start-test-server';

let server: TestServer;
let admin: string;
// Each test gets its own server and database: a failure leaves the next test untouched.
beforeEach(async () => {
  server = await startTestServer();
  admin = await server.login();
});
afterEach(() => server.close());

const login = (username: string, password: string, ip?: string) =>
  api(server, 'POST', '/api/session', { body: { username, password }, headers: ip ? { 'x-forwarded-for': ip } : {} });

describe('login rate limits', () => {
  it('refuses an address with 429 once it is in its delay, whatever the accounts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await login(`someone${i}`, 'x', '10.9.9.9')).status);
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    expect((await login('admin', 'Admin-Password-1', '10.9.9.9')).status).toBe(429);
    expect((await login('admin', 'Admin-Password-1', '10.9.9.10')).status).toBe(200);
  });
});

describe('sessions', () => {
  it('end after two idle hours, and stay alive while used', async () => {
    const cookie = await server.login();
    const step = 90 * 60 * 1000;
    try {
      server.clock.advance(step);
      expect((await api(server, 'GET', '/api/session', { cookie })).status).toBe(200);
      server.clock.advance(step);
      expect((await api(server, 'GET', '/api/session', { cookie })).status).toBe(200);
      server.clock.advance(2 * 60 * 60 * 1000 + 1);
      expect((await api(server, 'GET', '/api/session', { cookie })).status).toBe(401);
    } finally {
      server.clock.advance(-(2 * step + 2 * 60 * 60 * 1000 + 1));
    }
  });

  it('get a new token at login, and a password change ends every other session', async () => {
    await server.createUser({ username: 'doi.mat.khau', password: 'Old-Password-1', role: 'editor', unitIds: [1] });
    const first = await server.login('doi.mat.khau', 'Old-Password-1');
    const second = await server.login('doi.mat.khau', 'Old-Password-1');
    expect(first).not.toBe(second);
    const wrong = await api(server, 'POST', '/api/session/password', { body: { currentPassword: 'nope', newPassword: 'New-Password-22' }, cookie: first });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    const short = await api(server, 'POST', '/api/session/password', { body: { currentPassword: 'Old-Password-1', newPassword: 'short' }, cookie: first });
    expect(short.status).toBe(400);

    const changed = await api(server, 'POST', '/api/session/password', { body: { currentPassword: 'Old-Password-1', newPassword: 'New-Password-22' }, cookie: first });
    expect(changed.status).toBe(204);
    const rotated = changed.headers.getSetCookie()[0]!.split(';')[0]!;
    expect(rotated).not.toBe(first);
    expect((await api(server, 'GET', '/api/session', { cookie: rotated })).status).toBe(200);
    expect((await api(server, 'GET', '/api/session', { cookie: first })).status).toBe(401);
    expect((await api(server, 'GET', '/api/session', { cookie: second })).status).toBe(401);
    expect((await login('doi.mat.khau', 'Old-Password-1')).status).toBe(401);
    expect((await login('doi.mat.khau', 'New-Password-22')).status).toBe(200);
  });

  it('end when an admin resets the password, changes the role or disables the user', async () => {
    const { id } = (await api(server, 'POST', '/api/users', { body: { username: 'bi.khoa', displayName: 'B', password: 'Khoa-Password-1', role: 'editor', unitIds: [1] }, cookie: admin })).body;
    for (const change of [
      () => api(server, 'POST', `/api/users/${id}/password`, { body: { password: 'Khoa-Password-2' }, cookie: admin }),
      () => api(server, 'PATCH', `/api/users/${id}`, { body: { role: 'viewer' }, cookie: admin }),
      () => api(server, 'PATCH', `/api/users/${id}`, { body: { disabled: true }, cookie: admin }),
    ]) {
      const cookie = await server.login('bi.khoa', 'Khoa-Password-2').catch(() => server.login('bi.khoa', 'Khoa-Password-1'));
      expect((await change()).status).toBeLessThan(300);
      expect((await api(server, 'GET', '/api/session', { cookie })).status).toBe(401);
    }
    expect((await login('bi.khoa', 'Khoa-Password-2')).status).toBe(401);
  });

  it('keep an admin from locking themself out, and a taken user name is a conflict', async () => {
    const self = await api(server, 'PATCH', '/api/users/1', { body: { disabled: true }, cookie: admin });
    expect(self.status).toBe(409);
    expect((await api(server, 'PATCH', '/api/users/1', { body: { role: 'viewer' }, cookie: admin })).status).toBe(409);
    const taken = await api(server, 'POST', '/api/users', { body: { username: 'ADMIN', displayName: 'x', password: 'Another-pass-1', role: 'viewer' }, cookie: admin });
    expect(taken.status).toBe(409);
    expect(taken.body.error.fields.username).toBe('taken');
    const badUnit = await api(server, 'POST', '/api/users', { body: { username: 'donvi', displayName: 'x', password: 'Another-pass-1', role: 'editor', unitIds: [999] }, cookie: admin });
    expect(badUnit.status).toBe(400);
    expect(badUnit.body.error.fields.unitIds).toBe('not_found');
  });
});
