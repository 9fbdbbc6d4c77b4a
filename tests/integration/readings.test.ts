import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readingSchema } from '../../shared/api/readings';
import { sqlRows, sqlRun } from '../helpers/sql';
import { api, startTestServer, type TestServer } from '../helpers/start-test-server';

let server: TestServer;
let admin: string;
let indicators: Map<string, { id: number; ownerUnit: { id: number }; current: number | null }>;

// Each test gets its own server and database: a failure leaves the next test untouched.
beforeEach(async () => {
  server = await startTestServer();
  admin = await server.login();
  const { body } = await api(server, 'GET', '/api/board', { cookie: admin });
  indicators = new Map(body.indicators.map((i: { code: string }) => [i.code, i]));
});
afterEach(() => server.close());

function indicatorId(code: string): number {
  const found = indicators.get(code);
  if (!found) throw new Error(`no indicator ${code}`);
  return found.id;
}

/** The numbers that must not move when a write is refused. */
async function footprint() {
  const [readings] = await sqlRows<{ n: number }>(server.db, sql`select cast(count(*) as integer) as n from readings`);
  const [seq] = await sqlRows<{ s: number }>(server.db, sql`select max(last_seq) as s from terms where is_current = true`);
  return { readings: readings!.n, seq: seq!.s };
}

const post = (code: string, body: unknown, credentials: { cookie?: string; token?: string } = { cookie: admin }, headers?: Record<string, string>) =>
  api(server, 'POST', `/api/indicators/${indicatorId(code)}/readings`, { body, ...credentials, headers });

describe('POST /api/indicators/:id/readings', () => {
  it('records a reading and answers 201 with the reading, the indicator right after it and the next seq', async () => {
    const before = await footprint();
    const { status, body } = await post('CCHC-01', { date: '2026-11-27', value: 99.6, note: 'Tháng 11', evidence: 'Báo cáo số 123/BC-VP' });
    expect(status).toBe(201);
    const reading = readingSchema.parse(body.reading);
    expect(reading).toMatchObject({ date: '2026-11-27', value: 99.6, note: 'Tháng 11', evidence: 'Báo cáo số 123/BC-VP', correction: false });
    expect(reading.author).toMatchObject({ kind: 'user', name: 'admin' });
    expect(body.seq).toBe(before.seq + 1);
    // 99.6 ≥ the 99.5 target.
    expect(body.indicator).toMatchObject({ code: 'CCHC-01', current: 99.6, status: 'achieved', lastReadingDate: '2026-11-27' });
    const board = await api(server, 'GET', '/api/board', { cookie: admin });
    expect(board.body.seq).toBe(before.seq + 1);
    expect(board.body.indicators.find((i: { code: string }) => i.code === 'CCHC-01').current).toBe(99.6);
  });

  it('adds a cumulative count to the total and takes a ratio as numerator over denominator', async () => {
    const admissions = await post('XDD-01', { date: '2026-11-20', value: 2 });
    expect(admissions.status).toBe(201);
    expect(admissions.body.indicator.current).toBe((indicators.get('XDD-01')!.current ?? 0) + 2);
    const branches = await post('XDD-04', { date: '2026-11-28', numerator: 4, denominator: 5 });
    expect(branches.status).toBe(201);
    expect(branches.body.indicator).toMatchObject({ current: 80, numerator: 4, denominator: 5 });
  });

  it.each([
    ['a percentage above 100', 'CCHC-01', { date: '2026-11-27', value: 140 }, 'value', 'above_100'],
    ['a negative percentage', 'CCHC-01', { date: '2026-11-27', value: -1 }, 'value', 'negative'],
    ['a fractional count', 'XDD-01', { date: '2026-11-27', value: 2.5 }, 'value', 'not_integer'],
    ['a negative count', 'XDD-01', { date: '2026-11-27', value: -3 }, 'value', 'negative'],
    ['a missing value', 'XDD-01', { date: '2026-11-27' }, 'value', 'required'],
    ['numerator and denominator on a count', 'XDD-01', { date: '2026-11-27', value: 1, numerator: 1, denominator: 2 }, 'numerator', 'not_allowed'],
    ['a numerator above the denominator', 'XDD-04', { date: '2026-11-27', numerator: 6, denominator: 5 }, 'numerator', 'numerator_above_denominator'],
    ['a zero denominator', 'XDD-04', { date: '2026-11-27', numerator: 0, denominator: 0 }, 'denominator', 'denominator_not_positive'],
    ['a fractional numerator', 'XDD-04', { date: '2026-11-27', numerator: 2.5, denominator: 5 }, 'numerator', 'not_integer'],
    ['a value on a ratio', 'XDD-04', { date: '2026-11-27', value: 80 }, 'value', 'not_allowed'],
    ['a date after today', 'CCHC-01', { date: '2026-11-29', value: 99 }, 'date', 'date_after_today'],
    ['a date before the term', 'CCHC-01', { date: '2025-05-31', value: 99 }, 'date', 'date_before_term'],
    ['a date that does not exist', 'CCHC-01', { date: '2026-02-30', value: 99 }, 'date', 'custom'],
    ['a date in another format', 'CCHC-01', { date: '27/11/2026', value: 99 }, 'date', 'custom'],
    ['a value as text', 'CCHC-01', { date: '2026-11-27', value: '99' }, 'value', 'invalid_type'],
    ['an unknown field', 'CCHC-01', { date: '2026-11-27', value: 99, author: 'someone' }, 'author', 'unknown_field'],
    ['a note over 2,000 characters', 'CCHC-01', { date: '2026-11-27', value: 99, note: 'x'.repeat(2001) }, 'note', 'too_big'],
    ['evidence over 500 characters', 'CCHC-01', { date: '2026-11-27', value: 99, evidence: 'x'.repeat(501) }, 'evidence', 'too_big'],
    ['a reason without a correction', 'CCHC-01', { date: '2026-11-27', value: 99, reason: 'typo' }, 'reason', 'not_allowed'],
  ])('refuses %s with 400 and writes nothing', async (_, code, body, field, fieldCode) => {
    const before = await footprint();
    const { status, body: answer } = await post(code, body);
    expect(status).toBe(400);
    expect(answer.error.code).toBe('validation_failed');
    expect(answer.error.fields[field]).toBe(fieldCode);
    expect(await footprint()).toEqual(before);
  });

  it.each([
    ['malformed JSON', { rawBody: '{"date":', headers: { 'content-type': 'application/json' } }, 400, 'malformed_json'],
    ['a JSON array', { rawBody: '[1,2]', headers: { 'content-type': 'application/json' } }, 400, 'validation_failed'],
    ['JSON null', { rawBody: 'null', headers: { 'content-type': 'application/json' } }, 400, 'validation_failed'],
    ['text/plain', { rawBody: 'value=1', headers: { 'content-type': 'text/plain' } }, 415, 'unsupported_media_type'],
    ['a form', { rawBody: 'value=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415, 'unsupported_media_type'],
    ['a body over 1 MiB', { rawBody: JSON.stringify({ date: '2026-11-27', value: 1, note: 'x'.repeat(1_100_000) }), headers: { 'content-type': 'application/json' } }, 413, 'payload_too_large'],
  ])('answers $0 with $2 $3 and writes nothing', async (_, request, expectedStatus, code) => {
    const before = await footprint();
    const { status, body } = await api(server, 'POST', `/api/indicators/${indicatorId('CCHC-01')}/readings`, { ...request, cookie: admin });
    expect(status).toBe(expectedStatus);
    expect(body.error.code).toBe(code);
    expect(await footprint()).toEqual(before);
  });

  it('answers 404 for an unknown indicator and 400 for an id that is not one', async () => {
    expect((await api(server, 'POST', '/api/indicators/999999/readings', { body: { date: '2026-11-27', value: 1 }, cookie: admin })).status).toBe(404);
    expect((await api(server, 'POST', '/api/indicators/abc/readings', { body: { date: '2026-11-27', value: 1 }, cookie: admin })).status).toBe(400);
    expect((await api(server, 'POST', '/api/indicators/1e400/readings', { body: { date: '2026-11-27', value: 1 }, cookie: admin })).status).toBe(400);
  });

  it('refuses readings for the closed previous term with 409 term_closed', async () => {
    const [row] = await sqlRows<{ id: number }>(
      server.db,
      sql`select i.id from indicators i join terms t on t.id = i.term_id where t.is_current = false and i.code = 'XDD-01'`,
    );
    const before = await footprint();
    const { status, body } = await api(server, 'POST', `/api/indicators/${row!.id}/readings`, { body: { date: '2025-01-10', value: 1 }, cookie: admin });
    expect(status).toBe(409);
    expect(body.error.code).toBe('term_closed');
    expect(await footprint()).toEqual(before);
  });
});

describe('who may record a reading', () => {
  it('lets admins, editors of the unit and API tokens in scope write, and nobody else', async () => {
    const code = 'CCHC-02';
    const owner = indicators.get(code)!.ownerUnit.id;
    const otherUnit = indicators.get('XDD-01')!.ownerUnit.id;
    expect(otherUnit).not.toBe(owner);
    await server.createUser({ username: 'editor.owner', password: 'Editor-Password-1', role: 'editor', unitIds: [owner] });
    await server.createUser({ username: 'editor.other', password: 'Editor-Password-1', role: 'editor', unitIds: [otherUnit] });
    await server.createUser({ username: 'viewer', password: 'Viewer-Password-1', role: 'viewer' });
    const callers: Array<[string, { cookie?: string; token?: string }, number]> = [
      ['admin', { cookie: admin }, 201],
      ['editor of the unit', { cookie: await server.login('editor.owner', 'Editor-Password-1') }, 201],
      ['editor of another unit', { cookie: await server.login('editor.other', 'Editor-Password-1') }, 403],
      ['viewer', { cookie: await server.login('viewer', 'Viewer-Password-1') }, 403],
      ['display token', { token: await server.createToken('display') }, 403],
      ['API token scoped to the unit', { token: await server.createToken('api', { unitIds: [owner] }) }, 201],
      ['API token scoped to the indicator', { token: await server.createToken('api', { indicatorIds: [indicatorId(code)] }) }, 201],
      ['API token out of scope', { token: await server.createToken('api', { unitIds: [otherUnit], indicatorIds: [indicatorId('XDD-01')] }) }, 403],
      ['no credentials', {}, 401],
    ];
    for (const [who, credentials, expected] of callers) {
      const before = await footprint();
      const { status, body } = await post(code, { date: '2026-11-28', value: 50 }, credentials);
      expect({ who, status }).toEqual({ who, status: expected });
      if (expected !== 201) {
        expect(body.error.code).toBe(expected === 401 ? 'unauthenticated' : 'forbidden');
        expect(await footprint()).toEqual(before);
      } else {
        expect((await footprint()).readings).toBe(before.readings + 1);
      }
    }
  });

  it('names the API token as the author of what it wrote', async () => {
    const token = await server.createToken('api', { indicatorIds: [indicatorId('CDS-01')] });
    const { body } = await post('CDS-01', { date: '2026-11-28', value: 99.4 }, { token });
    expect(body.reading.author).toMatchObject({ kind: 'token', name: 'api for tests' });
  });
});

describe('Idempotency-Key', () => {
  it('answers a retry with the first answer and writes once', async () => {
    const before = await footprint();
    const headers = { 'idempotency-key': 'feed-2026-11-28-001' };
    const first = await post('CDS-02', { date: '2026-11-28', value: 100 }, { cookie: admin }, headers);
    const second = await post('CDS-02', { date: '2026-11-28', value: 100 }, { cookie: admin }, headers);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await footprint()).toEqual({ readings: before.readings + 1, seq: before.seq + 1 });
  });

  it('replays the first answer to a retry that the rules would now refuse (a closed term)', async () => {
    const headers = { 'idempotency-key': 'late-retry' };
    const token = await server.createToken('api', { indicatorIds: [indicatorId('CDS-02')] });
    const first = await post('CDS-02', { date: '2026-11-28', value: 100 }, { token }, headers);
    server.clock.advance(3 * 24 * 60 * 60 * 1000);
    try {
      // A new term day: the date rules alone would still accept it, so close the term meanwhile.
      await sqlRun(server.db, sql`update terms set closed_at = 1 where is_current = true`);
      const retry = await post('CDS-02', { date: '2026-11-28', value: 100 }, { token }, headers);
      expect(retry.status).toBe(201);
      expect(retry.body.reading.id).toBe(first.body.reading.id);
    } finally {
      await sqlRun(server.db, sql`update terms set closed_at = null where is_current = true`);
      server.clock.advance(-3 * 24 * 60 * 60 * 1000);
    }
  });

  it('refuses the same key with a different request (409) and keeps keys per caller', async () => {
    const headers = { 'idempotency-key': 'shared-key' };
    expect((await post('CDS-02', { date: '2026-11-28', value: 100 }, { cookie: admin }, headers)).status).toBe(201);
    const before = await footprint();
    const changed = await post('CDS-02', { date: '2026-11-28', value: 99 }, { cookie: admin }, headers);
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe('idempotency_key_reused');
    expect(await footprint()).toEqual(before);
    const token = await server.createToken('api', { indicatorIds: [indicatorId('CDS-02')] });
    expect((await post('CDS-02', { date: '2026-11-28', value: 99 }, { token }, headers)).status).toBe(201);
  });

  it('refuses a key that is not 1–200 visible characters', async () => {
    const { status, body } = await post('CDS-02', { date: '2026-11-28', value: 100 }, { cookie: admin }, { 'idempotency-key': 'x'.repeat(201) });
    expect(status).toBe(400);
    expect(body.error.fields['Idempotency-Key']).toBe('invalid');
  });
});

describe('corrections', () => {
  it('creates a revision that replaces the corrected reading, which stays in the history', async () => {
    const original = await post('KTGS-02', { date: '2026-11-25', value: 3 });
    expect(original.status).toBe(201);
    const totalWithError = original.body.indicator.current;
    const correction = await post('KTGS-02', { date: '2026-11-25', value: 1, supersedes: original.body.reading.id, reason: 'Nhập nhầm số cuộc' });
    expect(correction.status).toBe(201);
    expect(correction.body.reading).toMatchObject({ correction: true, supersedesId: original.body.reading.id, reason: 'Nhập nhầm số cuộc' });
    expect(correction.body.indicator.current).toBe(totalWithError - 2);
    expect(correction.body.seq).toBe(original.body.seq + 1);

    const list = await api(server, 'GET', `/api/indicators/${indicatorId('KTGS-02')}/readings?limit=2`, { cookie: admin });
    expect(list.body.readings.map((r: { id: number }) => r.id)).toEqual([correction.body.reading.id, original.body.reading.id]);
    expect(list.body.readings[1]).toMatchObject({ supersededById: correction.body.reading.id, correction: false, value: 3 });
  });

  it('refuses to correct a reading twice from the same revision (409) or one of another indicator (400)', async () => {
    const original = await post('KTGS-02', { date: '2026-11-26', value: 1 });
    expect((await post('KTGS-02', { date: '2026-11-26', value: 2, supersedes: original.body.reading.id })).status).toBe(201);
    const before = await footprint();
    const stale = await post('KTGS-02', { date: '2026-11-26', value: 3, supersedes: original.body.reading.id });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    const elsewhere = await post('KTGS-01', { date: '2026-11-26', value: 3, supersedes: original.body.reading.id });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.fields.supersedes).toBe('not_found');
    expect(await footprint()).toEqual(before);
  });
});

describe('GET /api/indicators/:id/readings', () => {
  it('lists newest first and pages with limit and before', async () => {
    const id = indicatorId('CCHC-01');
    const all = await api(server, 'GET', `/api/indicators/${id}/readings?limit=10000`, { token: await server.createToken('display') });
    expect(all.status).toBe(200);
    const ids: number[] = all.body.readings.map((r: { id: number }) => r.id);
    expect(ids.length).toBeGreaterThan(10);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const first = await api(server, 'GET', `/api/indicators/${id}/readings?limit=5`, { cookie: admin });
    expect(first.body.readings.map((r: { id: number }) => r.id)).toEqual(ids.slice(0, 5));
    const next = await api(server, 'GET', `/api/indicators/${id}/readings?limit=5&before=${ids[4]}`, { cookie: admin });
    expect(next.body.readings.map((r: { id: number }) => r.id)).toEqual(ids.slice(5, 10));
    const defaults = await api(server, 'GET', `/api/indicators/${id}/readings`, { cookie: admin });
    expect(defaults.body.readings.length).toBe(Math.min(100, ids.length));
  });

  it.each(['limit=0', 'limit=10001', 'limit=abc', 'before=-1', 'page=2'])('refuses ?%s with 400', async (query) => {
    const { status, body } = await api(server, 'GET', `/api/indicators/${indicatorId('CCHC-01')}/readings?${query}`, { cookie: admin });
    expect(status).toBe(400);
    expect(body.error.code).toBe('validation_failed');
  });

  it('needs credentials and a known indicator', async () => {
    expect((await api(server, 'GET', `/api/indicators/${indicatorId('CCHC-01')}/readings`)).status).toBe(401);
    expect((await api(server, 'GET', '/api/indicators/999999/readings', { cookie: admin })).status).toBe(404);
  });
});
