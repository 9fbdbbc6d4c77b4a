import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATCH_MAX_READINGS, readingsBatchResultSchema } from '../../shared/api/readings';
import type { DeltaBatch, IndicatorDelta } from '../../shared/realtime/delta';
import { boardSocket, connectForSnapshot, eventually } from '../helpers/socket-client';
import { sqlRows } from '../helpers/sql';
import { api, startTestServer, type TestServer } from '../helpers/start-test-server';

let server: TestServer;
let admin: string;
let indicators: Array<{ id: number; code: string; measure: string; ownerUnit: { id: number } }>;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login();
  indicators = (await api(server, 'GET', '/api/board', { cookie: admin })).body.indicators;
});
afterAll(() => server.close());

const readingCount = async () => (await sqlRows<{ n: number }>(server.db, sql`select cast(count(*) as integer) as n from readings`))[0]!.n;
const boardSeq = async () => (await api(server, 'GET', '/api/board', { cookie: admin })).body.seq as number;
const post = (body: unknown, options: { cookie?: string; token?: string; key?: string } = { cookie: admin }) =>
  api(server, 'POST', '/api/readings', { body, ...(options.cookie ? { cookie: options.cookie } : {}), ...(options.token ? { token: options.token } : {}), headers: options.key ? { 'idempotency-key': options.key } : {} });
const byMeasure = (measure: string) => indicators.find((i) => i.measure === measure)!;

describe('POST /api/readings: a batch of readings, all or none', () => {
  it('writes the batch (by code or id) in one unit of work, answers 201 {imported, seq}, and screens get it as one message', async () => {
    const socket = boardSocket(server.url, { token: await server.createToken('display') });
    const singles: IndicatorDelta[] = [];
    const batches: DeltaBatch[] = [];
    socket.on('indicator:updated', (update) => singles.push(update));
    socket.on('indicators:updated', (batch) => batches.push(batch));
    await connectForSnapshot(socket);
    const before = { readings: await readingCount(), seq: await boardSeq() };
    const count = byMeasure('count');
    const ratio = byMeasure('ratio');
    const { status, body } = await post({
      readings: [
        { code: count.code.toLowerCase(), date: '2026-11-20', value: 4, note: 'Từ hệ thống một cửa' },
        { indicatorId: ratio.id, date: '2026-11-21', numerator: 3, denominator: 4 },
        { code: count.code, date: '2026-11-22', value: 5 },
      ],
    });
    expect(status).toBe(201);
    expect(readingsBatchResultSchema.parse(body)).toEqual({ imported: 3, seq: before.seq + 3 });
    expect(await readingCount()).toBe(before.readings + 3);
    await eventually('the batch on the screen', () => batches.some(({ changes }) => changes.at(-1)?.seq === before.seq + 3));
    // One message covering the three seqs, each indicator once at its latest state (coalesced).
    const batch = batches.at(-1)!;
    expect(batch.since).toBe(before.seq);
    expect(batch.changes.map((u) => [u.seq, u.indicator.id])).toEqual([[before.seq + 2, ratio.id], [before.seq + 3, count.id]]);
    expect(singles).toEqual([]);
    socket.disconnect();
  });

  it('writes nothing when one reading is wrong, and names each wrong one', async () => {
    const before = { readings: await readingCount(), seq: await boardSeq() };
    const { status, body } = await post({
      readings: [
        { code: byMeasure('count').code, date: '2026-11-20', value: 1 },
        { code: byMeasure('percent').code, date: '2026-11-20', value: 140 },
        { code: 'KHONG-CO', date: '2026-11-20', value: 1 },
        { indicatorId: byMeasure('count').id, date: '2026-11-29', value: 1 },
      ],
    });
    expect(status).toBe(400);
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.fields).toEqual({ 'readings.1.value': 'above_100', 'readings.2.code': 'unknown_indicator', 'readings.3.date': 'date_after_today' });
    expect(await readingCount()).toBe(before.readings);
    expect(await boardSeq()).toBe(before.seq);
  });

  it('refuses two different figures for one date of an indicator that takes its latest reading, naming each reading, as a file import does', async () => {
    const before = { readings: await readingCount(), seq: await boardSeq() };
    // CCHC-01 (percent) and XDD-04 (ratio) take their latest reading; KTGS-02 (count) adds its readings up.
    const percent = indicators.find((i) => i.code === 'CCHC-01')!;
    const readings = [
      { code: 'CCHC-01', date: '2026-11-05', value: 98 },
      { code: 'KTGS-02', date: '2026-11-05', value: 1 },
      // The same indicator named by its id, the same day, another figure.
      { indicatorId: percent.id, date: '2026-11-05', value: 97 },
      { code: 'XDD-04', date: '2026-11-05', numerator: 5, denominator: 5 },
      { code: 'xdd-04', date: '2026-11-05', numerator: 4, denominator: 5 },
      // Another date is no contradiction; nor is a second addition to a cumulative count on one day.
      { code: 'CCHC-01', date: '2026-11-06', value: 97 },
      { code: 'KTGS-02', date: '2026-11-05', value: 2 },
    ];
    const { status, body } = await post({ readings });
    expect([status, body.error.code]).toEqual([400, 'validation_failed']);
    expect(body.error.fields).toEqual({
      'readings.0.date': 'conflicting_rows',
      'readings.2.date': 'conflicting_rows',
      'readings.3.date': 'conflicting_rows',
      'readings.4.date': 'conflicting_rows',
    });
    expect(await readingCount()).toBe(before.readings);
    expect(await boardSeq()).toBe(before.seq);

    // The OpenAPI document says so too, on the batch's body.
    const document = (await api(server, 'GET', '/api/openapi.json')).body;
    expect(document.paths['/api/readings'].post.requestBody.content['application/json'].schema.description).toContain('`conflicting_rows` on `date`');

    // Once the batch says one thing, it is written.
    const agreed = await post({ readings: readings.filter((_, index) => index !== 2 && index !== 4) });
    expect([agreed.status, agreed.body.imported]).toEqual([201, 5]);
  });

  it('refuses malformed batches: neither or both of code and indicatorId, unknown fields, more than the maximum', async () => {
    const date = '2026-11-20';
    for (const readings of [[{ date, value: 1 }], [{ code: 'XDD-01', indicatorId: 1, date, value: 1 }], [{ code: 'XDD-01', date, value: 1, supersedes: 1 }], []]) {
      const { status, body } = await post({ readings });
      expect([status, body.error.code]).toEqual([400, 'validation_failed']);
    }
    const tooMany = Array.from({ length: BATCH_MAX_READINGS + 1 }, () => ({ code: 'XDD-01', date, value: 1 }));
    expect((await post({ readings: tooMany })).body.error.fields).toEqual({ readings: 'too_big' });
  });

  it('skips readings equal to ones already there, so sending a batch again writes nothing new', async () => {
    const readings = [{ code: byMeasure('count').code, date: '2026-11-10', value: 77 }];
    expect((await post({ readings })).body.imported).toBe(1);
    const again = await post({ readings });
    expect([again.status, again.body.imported]).toEqual([201, 0]);
  });

  it('answers the same Idempotency-Key with the first answer and writes once; another batch under it is refused', async () => {
    const readings = [{ code: byMeasure('count').code, date: '2026-11-11', value: 81 }];
    const first = await post({ readings }, { cookie: admin, key: 'lo-2026-11-11' });
    const count = await readingCount();
    const again = await post({ readings }, { cookie: admin, key: 'lo-2026-11-11' });
    expect([again.status, again.body, again.headers.get('idempotent-replayed')]).toEqual([201, first.body, 'true']);
    expect(await readingCount()).toBe(count);
    const other = await post({ readings: [{ ...readings[0]!, value: 82 }] }, { cookie: admin, key: 'lo-2026-11-11' });
    expect([other.status, other.body.error.code]).toEqual([409, 'idempotency_key_reused']);
  });

  it('lets API tokens write within their scope only; screens and viewers may not write', async () => {
    const inScope = indicators[0]!;
    const outOfScope = indicators.find((i) => i.ownerUnit.id !== inScope.ownerUnit.id)!;
    const token = await server.createToken('api', { indicatorIds: [inScope.id] });
    expect((await post({ readings: [{ indicatorId: inScope.id, date: '2026-11-12', ...(inScope.measure === 'ratio' ? { numerator: 1, denominator: 2 } : { value: 1 }) }] }, { token })).status).toBe(201);
    const refused = await post({ readings: [{ indicatorId: outOfScope.id, date: '2026-11-12', value: 1 }] }, { token });
    expect([refused.status, refused.body.error.fields]).toEqual([400, { 'readings.0.indicatorId': 'forbidden' }]);
    expect((await post({ readings: [{ indicatorId: inScope.id, date: '2026-11-12', value: 1 }] }, { token: await server.createToken('display') })).status).toBe(403);
    await server.createUser({ username: 'nguoi-xem', password: 'Viewer-Password-1', role: 'viewer' });
    expect((await post({ readings: [{ indicatorId: inScope.id, date: '2026-11-12', value: 1 }] }, { cookie: await server.login('nguoi-xem', 'Viewer-Password-1') })).status).toBe(403);
  });

  it(`writes ${BATCH_MAX_READINGS.toLocaleString('en')} readings at once`, async () => {
    const counts = indicators.filter((i) => i.measure === 'count');
    const start = Date.parse('2025-06-01T00:00:00Z');
    const readings = Array.from({ length: BATCH_MAX_READINGS }, (_, i) => ({
      code: counts[i % counts.length]!.code,
      date: new Date(start + (i % 500) * 86_400_000).toISOString().slice(0, 10),
      value: 5_000_000 + i,
    }));
    const before = { readings: await readingCount(), seq: await boardSeq() };
    const { status, body } = await post({ readings });
    expect([status, body]).toEqual([201, { imported: BATCH_MAX_READINGS, seq: before.seq + BATCH_MAX_READINGS }]);
    expect(await readingCount()).toBe(before.readings + BATCH_MAX_READINGS);
  });
});
