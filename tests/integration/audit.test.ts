import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditPageSchema } from '../../shared/api/audit';
import { api, startTestServer, type TestServer } from '../helpers/start-test-server';
import { uploadFile } from '../helpers/multipart';
import { sqlRun } from '../helpers/sql';

let server: TestServer;
let admin: string;
let indicatorId: number;

// Each test gets its own server and database: a failure leaves the next test untouched.
beforeEach(async () => {
  server = await startTestServer();
  admin = await server.login();
  indicatorId = (await api(server, 'GET', '/api/board', { cookie: admin })).body.indicators.find((i: { code: string }) => i.code === 'XDD-01').id;
});
afterEach(() => server.close());

async function entries(query = '') {
  const { status, body } = await api(server, 'GET', `/api/audit${query}`, { cookie: admin });
  expect(status).toBe(200);
  return auditPageSchema.parse(body).entries;
}

/** One of each audited change, by the admin and by a user it creates (each test makes its own). */
async function recordChanges() {
    const reading = (await api(server, 'POST', `/api/indicators/${indicatorId}/readings`, { body: { date: '2026-11-20', value: 2, note: '=HYPERLINK("http://x")' }, cookie: admin })).body.reading;
    await api(server, 'POST', `/api/indicators/${indicatorId}/readings`, { body: { date: '2026-11-20', value: 1, supersedes: reading.id, reason: 'Nhập nhầm' }, cookie: admin });
    const preview = (await uploadFile(`${server.url}/api/imports`, 'a.csv', 'code,date,value\nXDD-01,2026-11-21,1\n', { cookie: admin })).body;
    await api(server, 'POST', `/api/imports/${preview.id}/commit`, { cookie: admin });
    const user = (await api(server, 'POST', '/api/users', { body: { username: 'chuyenvien', displayName: 'Chuyên viên A', password: 'Chuyen-vien-1', role: 'viewer' }, cookie: admin })).body;
    await api(server, 'PATCH', `/api/users/${user.id}`, { body: { role: 'editor', unitIds: [1] }, cookie: admin });
    await api(server, 'POST', `/api/users/${user.id}/password`, { body: { password: 'Chuyen-vien-2' }, cookie: admin });
    const token = (await api(server, 'POST', '/api/tokens', { body: { name: 'Hệ thống một cửa', unitIds: [1] }, cookie: admin })).body;
    await api(server, 'DELETE', `/api/tokens/${token.id}`, { cookie: admin });
    const display = (await api(server, 'POST', '/api/displays', { body: { name: 'Phòng họp' }, cookie: admin })).body;
    await api(server, 'PATCH', `/api/displays/${display.id}`, { body: { rotateSeconds: 30 }, cookie: admin });
    await api(server, 'DELETE', `/api/displays/${display.id}`, { cookie: admin });
    await api(server, 'POST', '/api/session', { body: { username: 'chuyenvien', password: 'sai-mat-khau' } });
    const cookie = await server.login('chuyenvien', 'Chuyen-vien-2');
    await api(server, 'POST', '/api/session/password', { body: { currentPassword: 'Chuyen-vien-2', newPassword: 'Chuyen-vien-3' }, cookie });
  return { reading, user, token, display };
}

describe('the audit log', () => {
  it('records each change of data and rights with who, when, from where, before and after', async () => {
    const { reading, user, token, display } = await recordChanges();

    const log = await entries('?limit=100');
    const actions = log.map((e) => e.action);
    for (const action of [
      'reading.created', 'reading.corrected', 'import.committed', 'user.created', 'user.updated', 'user.password_reset',
      'token.created', 'token.revoked', 'display.created', 'display.updated', 'display.revoked', 'session.login_failed',
      'session.login', 'user.password_changed',
    ]) {
      expect(actions).toContain(action);
    }
    const ids = log.map((e) => e.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);

    const corrected = log.find((e) => e.action === 'reading.corrected')!;
    expect(corrected.actor).toEqual({ kind: 'user', id: 1, name: 'admin' });
    expect(corrected.ip).toBe('127.0.0.1');
    expect(corrected.before).toMatchObject({ id: reading.id, value: 2 });
    expect(corrected.after).toMatchObject({ supersedesId: reading.id, value: 1, reason: 'Nhập nhầm' });
    const updated = log.find((e) => e.action === 'user.updated')!;
    expect(updated.before).toMatchObject({ role: 'viewer', unitIds: [] });
    expect(updated.after).toMatchObject({ role: 'editor', unitIds: [1] });
    expect(log.find((e) => e.action === 'session.login_failed')).toMatchObject({ actor: { kind: 'anonymous', name: 'chuyenvien' }, entityId: user.id });
    expect(log.find((e) => e.action === 'display.updated')).toMatchObject({ before: { rotateSeconds: 20 }, after: { rotateSeconds: 30 } });
    // No password or token appears anywhere in the log.
    const text = JSON.stringify(log);
    for (const secret of ['Chuyen-vien-1', 'Chuyen-vien-2', 'Chuyen-vien-3', token.token, display.token]) expect(text).not.toContain(secret);
  });

  it('filters by action, actor and dates, pages with before, and is for admins only', async () => {
    await recordChanges();
    const created = await entries('?action=reading.created');
    expect(created.length).toBeGreaterThan(0);
    expect(new Set(created.map((e) => e.action))).toEqual(new Set(['reading.created']));
    const byActor = await entries('?actor=chuyen');
    expect(byActor.length).toBeGreaterThan(0);
    expect(byActor.every((e) => e.actor.name === 'chuyenvien')).toBe(true);
    expect(await entries('?from=2026-11-28&to=2026-11-28')).not.toHaveLength(0);
    expect(await entries('?to=2026-11-27')).toHaveLength(0);
    const first = await entries('?limit=2');
    const next = await entries(`?limit=2&before=${first[1]!.id}`);
    expect(next[0]!.id).toBeLessThan(first[1]!.id);
    expect((await api(server, 'GET', '/api/audit?action=bogus', { cookie: admin })).status).toBe(400);
    await server.createUser({ username: 'nguoixem', password: 'Nguoi-xem-01', role: 'viewer' });
    expect((await api(server, 'GET', '/api/audit', { cookie: await server.login('nguoixem', 'Nguoi-xem-01') })).status).toBe(403);
    expect((await api(server, 'GET', '/api/audit.csv', { token: await server.createToken('api', { unitIds: [1] }) })).status).toBe(403);
  });

  it('downloads as CSV with formula-like cells neutralised', async () => {
    await recordChanges();
    const response = await fetch(`${server.url}/api/audit.csv?action=reading.created&limit=10000`, { headers: { cookie: admin } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const csv = await response.text();
    expect(csv.split('\n')[0]).toContain('id,at,actor_kind,actor,ip,action');
    // The note "=HYPERLINK(...)" is inside the JSON of `after`, which starts with "{": only cells
    // that themselves start with = + - @ are prefixed. An actor named "=cmd" would be:
    expect(csv).toContain('HYPERLINK');
    await server.createUser({ username: '-danger', password: 'Danger-pass-1', role: 'viewer' });
    await api(server, 'POST', '/api/session', { body: { username: '-danger', password: 'wrong-password' } });
    const failed = await (await fetch(`${server.url}/api/audit.csv?action=session.login_failed`, { headers: { cookie: admin } })).text();
    expect(failed).toContain(",'-danger,");
    expect(failed).not.toMatch(/,-danger,/);
  });

  it('cannot be changed or deleted, even directly in the database', async () => {
    // The database's own error (the trigger's message) is the cause of drizzle's "failed query".
    const refused = { cause: expect.objectContaining({ message: expect.stringMatching(/append-only/) }) };
    await expect(sqlRun(server.db, sql`update audit_log set actor_name = 'someone'`)).rejects.toMatchObject(refused);
    await expect(sqlRun(server.db, sql`delete from audit_log`)).rejects.toMatchObject(refused);
  });
});
