import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { boardSchema } from '../../shared/api/board';
import { STATUSES } from '../../shared/indicator/model';
import { sqlRows, sqlRun } from '../helpers/sql';
import { api, startTestServer, type TestServer } from '../helpers/start-test-server';

let server: TestServer;
let cookie: string;
// Each test gets its own server and database: a failure leaves the next test untouched.
beforeEach(async () => {
  server = await startTestServer();
  cookie = await server.login();
});
afterEach(() => server.close());

describe('GET /api/board', () => {
  it('refuses a caller without credentials or with unknown ones', async () => {
    expect((await api(server, 'GET', '/api/board')).status).toBe(401);
    const unknown = await api(server, 'GET', '/api/board', { token: 'tbd_not-a-real-token' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe('unauthenticated');
    const forged = await api(server, 'GET', '/api/board', { cookie: 'termboard_session=tbs_forged' });
    expect(forged.status).toBe(401);
  });

  it.each(['session', 'display token', 'API token'] as const)('answers a %s with the current term board', async (kind) => {
    const credentials =
      kind === 'session' ? { cookie } : { token: await server.createToken(kind === 'display token' ? 'display' : 'api') };
    const { status, body } = await api(server, 'GET', '/api/board', credentials);
    expect(status).toBe(200);
    expect(body.term.name).toBe('Nhiệm kỳ 2025–2030');
  });

  it('refuses a revoked token', async () => {
    const token = await server.createToken('display');
    expect((await api(server, 'GET', '/api/board', { token })).status).toBe(200);
    await sqlRun(server.db, sql`update access_tokens set revoked_at = 1`);
    expect((await api(server, 'GET', '/api/board', { token })).status).toBe(401);
  });

  it('holds the demo term as the contract describes it', async () => {
    const { body } = await api(server, 'GET', '/api/board', { cookie });
    const board = boardSchema.parse(body);
    expect(board.office).toBe('Đảng bộ Văn phòng UBND tỉnh Tiền Giang');
    expect(board.term).toMatchObject({ start: '2025-06-01', end: '2030-05-31', closed: false });
    // 28 Nov 2026 is day 545 of the 1825-day term.
    expect(board.term.elapsed).toBeCloseTo(545 / 1825, 6);
    expect(board.date).toBe('2026-11-28');
    expect(board.groups.map((g) => g.name)).toEqual(['Xây dựng Đảng', 'Kiểm tra, giám sát', 'Cải cách hành chính', 'Chuyển đổi số']);
    expect(board.indicators.length).toBeGreaterThanOrEqual(12);
    const groupIds = new Set(board.groups.map((g) => g.id));
    for (const indicator of board.indicators) {
      expect(groupIds.has(indicator.groupId)).toBe(true);
      // Windowed: one point a month at most, never the raw history.
      expect(indicator.series.length).toBeLessThanOrEqual(61);
    }
  });

  it('shows every status, overdue indicators and the 5/5 branches as a ratio', async () => {
    const { body } = await api(server, 'GET', '/api/board', { cookie });
    const statuses = new Set(body.indicators.map((i: { status: string }) => i.status));
    for (const status of STATUSES) expect(statuses).toContain(status);
    const byCode = new Map(body.indicators.map((i: { code: string }) => [i.code, i]));
    expect(byCode.get('XDD-04')).toMatchObject({ measure: 'ratio', current: 100, numerator: 5, denominator: 5, status: 'achieved' });
    expect(byCode.get('CDS-04')).toMatchObject({ current: null, status: 'no_data', overdue: true });
    expect(byCode.get('CCHC-03')).toMatchObject({ overdue: true });
    expect(body.indicators.filter((i: { overdue: boolean }) => !i.overdue).length).toBeGreaterThan(10);
  });

  it("numbers its seq after the current term's change log", async () => {
    const { body } = await api(server, 'GET', '/api/board', { cookie });
    const [counted] = await sqlRows<{ n: number }>(server.db, sql`select cast(count(*) as integer) as n, max(seq) as m from changes where term_id = ${body.term.id}`);
    expect(body.seq).toBe(counted!.n);
  });

  it('serves after writes exactly what a full recomputation gives (the board cache)', async () => {
    const first = (await api(server, 'GET', '/api/board', { cookie })).body;
    const byCode = new Map(first.indicators.map((i: { code: string; id: number }) => [i.code, i.id]));
    for (const [code, body] of [
      ['XDD-01', { date: '2026-11-27', value: 1 }],
      ['CCHC-02', { date: '2026-11-27', value: 60 }],
      ['XDD-05', { date: '2026-11-27', numerator: 5, denominator: 5 }],
    ] as const) {
      expect((await api(server, 'POST', `/api/indicators/${byCode.get(code)}/readings`, { body, cookie })).status).toBe(201);
      const served = (await api(server, 'GET', '/api/board', { cookie })).body;
      const recomputed = await server.app.boards.board(server.clock.now());
      expect(served).toEqual(JSON.parse(JSON.stringify(recomputed)));
    }
    const after = (await api(server, 'GET', '/api/board', { cookie })).body;
    expect(after.seq).toBe(first.seq + 3);
    expect(after.indicators.find((i: { code: string }) => i.code === 'XDD-05')).toMatchObject({ current: 100, status: 'achieved' });
  });

  it('recomputes every indicator when the day changes', async () => {
    // A display token: a session would have expired by then.
    const token = await server.createToken('display');
    const today = (await api(server, 'GET', '/api/board', { token })).body;
    server.clock.advance(40 * 24 * 60 * 60 * 1000);
    try {
      const later = (await api(server, 'GET', '/api/board', { token })).body;
      expect(later.date).toBe('2027-01-07');
      expect(later.term.elapsed).toBeGreaterThan(today.term.elapsed);
      const recomputed = await server.app.boards.board(server.clock.now());
      expect(later).toEqual(JSON.parse(JSON.stringify(recomputed)));
      const expected = (code: string, board: { indicators: Array<{ code: string; expected: number }> }) =>
        board.indicators.find((i) => i.code === code)!.expected;
      expect(expected('CCHC-01', later)).toBeGreaterThan(expected('CCHC-01', today));
    } finally {
      server.clock.advance(-40 * 24 * 60 * 60 * 1000);
    }
  });

  it('answers 404 not_found when no term exists (SEED_DEMO=false)', async () => {
    const empty = await startTestServer({ seed: false });
    try {
      const { status, body } = await api(empty, 'GET', '/api/board', { cookie: await empty.login() });
      expect(status).toBe(404);
      expect(body.error.code).toBe('not_found');
    } finally {
      await empty.close();
    }
  });
});

describe('GET /api/board?asOf=', () => {
  it('shows the board as it stood then, from the readings that existed, the same whenever asked', async () => {
    const token = await server.createToken('display');
    const before = (await api(server, 'GET', '/api/board', { token })).body;
    const asOf = new Date(server.clock.now()).toISOString();
    const id = before.indicators.find((i: { code: string }) => i.code === 'KTGS-01').id;
    const then = (await api(server, 'GET', `/api/board?asOf=${encodeURIComponent(asOf)}`, { token })).body;
    server.clock.advance(60_000);
    try {
      expect((await api(server, 'POST', `/api/indicators/${id}/readings`, { body: { date: '2026-11-28', value: 5 }, cookie })).status).toBe(201);
      const now = (await api(server, 'GET', '/api/board', { token })).body;
      expect(now.indicators.find((i: { id: number }) => i.id === id).current).toBe(then.indicators.find((i: { id: number }) => i.id === id).current + 5);
      const again = (await api(server, 'GET', `/api/board?asOf=${encodeURIComponent(asOf)}`, { token })).body;
      expect(again).toEqual(then);
      // A week earlier: readings dated or recorded after it do not count.
      const lastWeek = (await api(server, 'GET', `/api/board?asOf=${encodeURIComponent('2026-11-21T10:00:00+07:00')}`, { token })).body;
      expect(lastWeek.date).toBe('2026-11-21');
      expect(lastWeek.term.elapsed).toBeLessThan(then.term.elapsed);
    } finally {
      server.clock.advance(-60_000);
    }
  });

  it('refuses an instant in the future or one that is not an ISO date-time', async () => {
    for (const asOf of ['2099-01-01T00:00:00Z', '2026-11-21', 'yesterday', '']) {
      const { status, body } = await api(server, 'GET', `/api/board?asOf=${encodeURIComponent(asOf)}`, { cookie });
      expect(status).toBe(400);
      expect(body.error.code).toBe('validation_failed');
    }
  });
});

describe('GET /api/board?termId=', () => {
  it("shows a closed term's board to anyone who may read, and 404 for an unknown term", async () => {
    const terms = (await api(server, 'GET', '/api/terms', { cookie })).body.terms as Array<{ id: number; closed: boolean; current: boolean }>;
    const closed = terms.find((t) => t.closed && !t.current)!;
    const token = await server.createToken('display');
    const { status, body } = await api(server, 'GET', `/api/board?termId=${closed.id}`, { token });
    expect(status).toBe(200);
    expect(body.term).toMatchObject({ id: closed.id, name: 'Nhiệm kỳ 2020–2025', closed: true, elapsed: 1 });
    // The 2020–2025 results: 15 members admitted, 5/5 branches meeting regularly.
    expect(body.indicators.find((i: { code: string }) => i.code === 'XDD-01')).toMatchObject({ current: 15 });
    expect(body.indicators.find((i: { code: string }) => i.code === 'XDD-04')).toMatchObject({ numerator: 5, denominator: 5 });
    expect((await api(server, 'GET', '/api/board?termId=99999', { token })).status).toBe(404);
    // The current board is unchanged by it.
    expect((await api(server, 'GET', '/api/board', { token })).body.term.closed).toBe(false);
  });
});
