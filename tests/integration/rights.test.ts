import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../helpers/start-test-server';
import { uploadFile } from '../helpers/multipart';

/**
 * Every write endpoint against every kind of caller. Each case builds its own target (a screen,
 * a user, a token) so that one caller's success does not change what the next one meets.
 */
let server: TestServer;
let admin: string;
let ownUnit: number;
let otherUnit: number;
let code: string;
let indicatorId: number;

type Caller = 'admin' | 'editor of the unit' | 'editor of another unit' | 'viewer' | 'display token' | 'API token in scope' | 'API token out of scope' | 'no credentials';
const CALLERS: Caller[] = ['admin', 'editor of the unit', 'editor of another unit', 'viewer', 'display token', 'API token in scope', 'API token out of scope', 'no credentials'];
const credentials = new Map<Caller, { cookie?: string; token?: string }>();
const passwords = new Map<Caller, string>();

// Each test gets its own server and database: a failure leaves the next test untouched.
beforeEach(async () => {
  server = await startTestServer();
  admin = await server.login();
  const board = (await api(server, 'GET', '/api/board', { cookie: admin })).body;
  const indicator = board.indicators.find((i: { code: string }) => i.code === 'CCHC-01');
  indicatorId = indicator.id;
  code = indicator.code;
  ownUnit = indicator.ownerUnit.id;
  otherUnit = board.indicators.find((i: { ownerUnit: { id: number } }) => i.ownerUnit.id !== ownUnit).ownerUnit.id;
  for (const [caller, role, units] of [
    ['editor of the unit', 'editor', [ownUnit]],
    ['editor of another unit', 'editor', [otherUnit]],
    ['viewer', 'viewer', []],
  ] as const) {
    const username = caller.replace(/ /g, '.');
    const password = `Password-of-${username}`;
    await server.createUser({ username, password, role, unitIds: [...units] });
    passwords.set(caller, password);
    credentials.set(caller, { cookie: await server.login(username, password) });
  }
  credentials.set('admin', { cookie: admin });
  passwords.set('admin', 'Admin-Password-1');
  credentials.set('display token', { token: await server.createToken('display') });
  credentials.set('API token in scope', { token: await server.createToken('api', { unitIds: [ownUnit] }) });
  credentials.set('API token out of scope', { token: await server.createToken('api', { unitIds: [otherUnit] }) });
  credentials.set('no credentials', {});
});
afterEach(() => server.close());

let day = 0;
const nextDate = () => `2026-11-${String((day++ % 27) + 1).padStart(2, '0')}`;
const adminOnly = (caller: Caller) => (caller === 'admin' ? 'ok' : caller === 'no credentials' ? 401 : 403);
const writers = new Set<Caller>(['admin', 'editor of the unit', 'API token in scope']);

const cases: Array<{ name: string; expected: (caller: Caller) => 'ok' | number; run: (caller: Caller) => Promise<number> }> = [
  {
    name: 'POST /api/indicators/:id/readings',
    expected: (c) => (writers.has(c) ? 'ok' : c === 'no credentials' ? 401 : 403),
    run: async (c) => (await api(server, 'POST', `/api/indicators/${indicatorId}/readings`, { body: { date: nextDate(), value: 99 }, ...credentials.get(c) })).status,
  },
  {
    name: 'correcting a reading (supersedes)',
    expected: (c) => (writers.has(c) ? 'ok' : c === 'no credentials' ? 401 : 403),
    run: async (c) => {
      const original = await api(server, 'POST', `/api/indicators/${indicatorId}/readings`, { body: { date: nextDate(), value: 98 }, cookie: admin });
      const body = { date: original.body.reading.date, value: 97, supersedes: original.body.reading.id, reason: 'nhầm' };
      return (await api(server, 'POST', `/api/indicators/${indicatorId}/readings`, { body, ...credentials.get(c) })).status;
    },
  },
  {
    name: 'POST /api/imports then commit',
    expected: (c) => (writers.has(c) ? 'ok' : c === 'no credentials' ? 401 : 403),
    run: async (c) => {
      const csv = `code,date,value\n${code},${nextDate()},96.5\n`;
      const preview = await uploadFile(`${server.url}/api/imports`, 'rows.csv', csv, credentials.get(c)!);
      if (preview.status !== 201) return preview.status;
      // Out of scope, the row itself is refused: the import cannot be committed.
      if (preview.body.rows[0].errors.code === 'forbidden') return 403;
      return (await api(server, 'POST', `/api/imports/${preview.body.id}/commit`, credentials.get(c))).status;
    },
  },
  {
    name: 'POST /api/displays',
    expected: adminOnly,
    run: async (c) => (await api(server, 'POST', '/api/displays', { body: { name: 'Màn hình' }, ...credentials.get(c) })).status,
  },
  {
    name: 'PATCH, commands and DELETE /api/displays/:id',
    expected: adminOnly,
    run: async (c) => {
      const { id } = (await api(server, 'POST', '/api/displays', { body: { name: 'Màn hình' }, cookie: admin })).body;
      const statuses = [
        (await api(server, 'PATCH', `/api/displays/${id}`, { body: { name: 'Mới' }, ...credentials.get(c) })).status,
        (await api(server, 'POST', `/api/displays/${id}/commands`, { body: { type: 'reload' }, ...credentials.get(c) })).status,
        (await api(server, 'DELETE', `/api/displays/${id}`, { ...credentials.get(c) })).status,
      ];
      return statuses.every((s) => s < 300) ? 200 : statuses.find((s) => s >= 300)!;
    },
  },
  {
    name: 'POST /api/users',
    expected: adminOnly,
    run: async (c) => {
      const username = `new.user.${day++}`;
      return (await api(server, 'POST', '/api/users', { body: { username, displayName: 'Người mới', password: 'Mat-khau-moi-1', role: 'viewer' }, ...credentials.get(c) })).status;
    },
  },
  {
    name: 'PATCH /api/users/:id and its password reset',
    expected: adminOnly,
    run: async (c) => {
      const username = `target.user.${day++}`;
      const { id } = (await api(server, 'POST', '/api/users', { body: { username, displayName: 'Đích', password: 'Mat-khau-moi-1', role: 'viewer' }, cookie: admin })).body;
      const patch = (await api(server, 'PATCH', `/api/users/${id}`, { body: { role: 'editor', unitIds: [ownUnit] }, ...credentials.get(c) })).status;
      const reset = (await api(server, 'POST', `/api/users/${id}/password`, { body: { password: 'Mat-khau-khac-2' }, ...credentials.get(c) })).status;
      return patch < 300 && reset < 300 ? 200 : patch >= 300 ? patch : reset;
    },
  },
  {
    name: 'POST and DELETE /api/tokens',
    expected: adminOnly,
    run: async (c) => {
      const created = await api(server, 'POST', '/api/tokens', { body: { name: 'Hệ thống một cửa', unitIds: [ownUnit] }, ...credentials.get(c) });
      if (created.status >= 300) return created.status;
      const other = (await api(server, 'POST', '/api/tokens', { body: { name: 'x', unitIds: [ownUnit] }, cookie: admin })).body;
      return (await api(server, 'DELETE', `/api/tokens/${other.id}`, { ...credentials.get(c) })).status;
    },
  },
  {
    name: 'POST /api/session/password (own password)',
    expected: (c) => (c === 'no credentials' ? 401 : c.includes('token') ? 403 : 'ok'),
    run: async (c) => {
      const current = passwords.get(c) ?? 'irrelevant';
      const next = `${current}-2`;
      const { status, headers } = await api(server, 'POST', '/api/session/password', { body: { currentPassword: current, newPassword: next }, ...credentials.get(c) });
      if (status === 204) {
        passwords.set(c, next);
        credentials.set(c, { cookie: headers.getSetCookie().map((x) => x.split(';')[0]).join('; ') });
      }
      return status;
    },
  },
];

describe.each(cases)('$name', ({ expected, run }) => {
  it.each(CALLERS)('answers %s as expected', async (caller) => {
    const status = await run(caller);
    const want = expected(caller);
    if (want === 'ok') expect(status).toBeGreaterThanOrEqual(200), expect(status).toBeLessThan(300);
    else expect(status).toBe(want);
  });
});
