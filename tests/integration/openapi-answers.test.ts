import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENAPI_PATH } from '../../server/http/openapi';
import { uploadFile } from '../helpers/multipart';
import { api, startTestServer, type TestServer } from '../helpers/start-test-server';

/*
 * Answers are documented, not checked at run time (docs/decisions.md): this file holds real
 * answers of the main routes — successes and refusals — to the OpenAPI document, as another system
 * reading it would. Each answer's status must be documented for its route, and its body must
 * validate against the documented JSON schema (objects are closed: an undocumented field fails).
 */
interface Operation {
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
}
let server: TestServer;
let admin: string;
let document: { paths: Record<string, Record<string, Operation>>; components: object };
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addFormat('binary', true);

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login();
  document = (await api(server, 'GET', OPENAPI_PATH)).body;
});
afterAll(async () => {
  await server.close();
});

/** What the document says `method route` answers with `status`, or why it says nothing. */
function documentedBody(method: string, route: string, status: number): object | string {
  const operation = document.paths[route.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
  if (!operation) return `${method} ${route} is not in the document`;
  const response = operation.responses[String(status)];
  if (!response) return `${method} ${route} answered ${status}, which the document does not name`;
  return response.content?.['application/json']?.schema ?? (status === 204 ? {} : `${method} ${route} ${status} has no JSON body in the document`);
}

/** Schema violations of `body` as `method route` answered it with `status`; empty when it is as documented. */
function violations(method: string, route: string, status: number, body: unknown): unknown[] {
  const schema = documentedBody(method, route, status);
  if (typeof schema === 'string') return [schema];
  if (status === 204) return body === undefined ? [] : ['a 204 with a body'];
  const validate = ajv.compile({ ...schema, components: document.components });
  return validate(body) ? [] : (validate.errors ?? []).map((error) => `${method} ${route} ${status}: ${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`);
}

/** Calls `method path` (`route` is its template) and expects its answer as documented. */
async function call(method: string, route: string, options: Parameters<typeof api>[3] & { path?: string } = {}) {
  const answer = await api(server, method, options.path ?? route, options);
  expect(violations(method, route, answer.status, answer.body)).toEqual([]);
  return answer;
}

describe('real answers, as the document describes them', () => {
  it('the board, the readings and the batch, and their refusals', async () => {
    await call('GET', '/api/health');
    expect((await call('GET', '/api/session', { cookie: admin })).status).toBe(200);
    const board = await call('GET', '/api/board', { cookie: admin });
    expect(board.status).toBe(200);
    await call('GET', '/api/board', { path: '/api/board?asOf=2026-06-01T00:00:00%2B07:00', cookie: admin });
    const indicators = board.body.indicators as Array<{ id: number; code: string; measure: string }>;
    const count = indicators.find((indicator) => indicator.measure === 'count')!;
    const ratio = indicators.find((indicator) => indicator.measure === 'ratio')!;
    const route = '/api/indicators/:id/readings';

    const recorded = await call('POST', route, { path: `/api/indicators/${count.id}/readings`, body: { date: '2026-11-27', value: 3, note: 'Tháng 11' }, cookie: admin, headers: { 'idempotency-key': 'answers-1' } });
    expect(recorded.status).toBe(201);
    const replayed = await call('POST', route, { path: `/api/indicators/${count.id}/readings`, body: { date: '2026-11-27', value: 3, note: 'Tháng 11' }, cookie: admin, headers: { 'idempotency-key': 'answers-1' } });
    expect([replayed.status, replayed.body]).toEqual([201, recorded.body]);
    const correction = await call('POST', route, { path: `/api/indicators/${count.id}/readings`, body: { date: '2026-11-27', value: 4, supersedes: recorded.body.reading.id, reason: 'Sai số' }, cookie: admin });
    expect(correction.status).toBe(201);
    expect((await call('POST', route, { path: `/api/indicators/${ratio.id}/readings`, body: { date: '2026-11-28', numerator: 4, denominator: 5 }, cookie: admin })).status).toBe(201);
    expect((await call('GET', route, { path: `/api/indicators/${count.id}/readings?limit=5`, cookie: admin })).body.readings.length).toBeGreaterThan(1);
    const batch = await call('POST', '/api/readings', { body: { readings: [{ code: count.code, date: '2026-11-26', value: 1 }, { indicatorId: ratio.id, date: '2026-11-26', numerator: 3, denominator: 5 }] }, cookie: admin });
    expect(batch.status).toBe(201);

    const refusals = [
      await call('POST', route, { path: `/api/indicators/${count.id}/readings`, body: { date: '2026-11-27', value: -1, extra: true }, cookie: admin }),
      await call('POST', route, { path: `/api/indicators/${count.id}/readings`, rawBody: '{"date":', headers: { 'content-type': 'application/json' }, cookie: admin }),
      await call('POST', route, { path: `/api/indicators/${count.id}/readings`, body: { date: '2026-11-27', value: 3 } }),
      await call('POST', route, { path: '/api/indicators/999999/readings', body: { date: '2026-11-27', value: 3 }, cookie: admin }),
      await call('POST', route, { path: `/api/indicators/${count.id}/readings`, body: { date: '2026-11-27', value: 5 }, cookie: admin, headers: { 'idempotency-key': 'answers-1' } }),
      await call('POST', route, { path: `/api/indicators/${count.id}/readings`, rawBody: 'x', headers: { 'content-type': 'text/plain' }, cookie: admin }),
      await call('POST', '/api/readings', { body: { readings: [{ code: 'NO-SUCH', date: '2026-11-26', value: 1 }] }, cookie: admin }),
      await call('GET', '/api/board', { path: '/api/board?termId=999999', cookie: admin }),
    ];
    expect(refusals.map((answer) => answer.status)).toEqual([400, 400, 401, 404, 409, 415, 400, 404]);
  });

  it('sessions, users, tokens, screens, units, terms and settings', async () => {
    const login = await call('POST', '/api/session', { body: { username: 'admin', password: 'Admin-Password-1' } });
    expect(login.status).toBe(200);
    expect((await call('POST', '/api/session', { body: { username: 'admin', password: 'wrong-password' } })).status).toBe(401);
    const viewer = await call('POST', '/api/users', { body: { username: 'nguoi-xem', displayName: 'Người xem', password: 'Mat-khau-rat-dai-1', role: 'viewer', email: 'xem@vp.gov.vn' }, cookie: admin });
    expect(viewer.status).toBe(201);
    await call('PATCH', '/api/users/:id', { path: `/api/users/${viewer.body.id}`, body: { receivesReminders: false }, cookie: admin });
    await call('GET', '/api/users', { cookie: admin });
    await call('GET', '/api/account', { cookie: admin });
    await call('PATCH', '/api/account', { body: { email: 'admin@vp.gov.vn' }, cookie: admin });
    const viewerCookie = await server.login('nguoi-xem', 'Mat-khau-rat-dai-1');
    expect((await call('GET', '/api/users', { cookie: viewerCookie })).status).toBe(403);

    const units = await call('GET', '/api/units', { cookie: admin });
    const token = await call('POST', '/api/tokens', { body: { name: 'Hệ thống một cửa', unitIds: [units.body.units[0].id] }, cookie: admin });
    expect(token.status).toBe(201);
    await call('GET', '/api/tokens', { cookie: admin });
    expect((await call('DELETE', '/api/tokens/:id', { path: `/api/tokens/${token.body.id}`, cookie: admin })).status).toBe(204);

    const display = await call('POST', '/api/displays', { body: { name: 'Phòng họp tầng 3' }, cookie: admin });
    expect(display.status).toBe(201);
    await call('PATCH', '/api/displays/:id', { path: `/api/displays/${display.body.id}`, body: { rotateSeconds: 30 }, cookie: admin });
    expect((await call('POST', '/api/displays/:id/commands', { path: `/api/displays/${display.body.id}/commands`, body: { type: 'reload' }, cookie: admin })).status).toBe(202);
    await call('GET', '/api/displays', { cookie: admin });
    const pairing = await call('POST', '/api/displays/pairings');
    expect(pairing.status).toBe(201);
    expect((await call('POST', '/api/displays/pairings/claim', { body: { code: pairing.body.code, secret: pairing.body.secret } })).body.status).toBe('waiting');
    expect((await call('POST', '/api/displays/pair', { body: { code: pairing.body.code, name: 'Sảnh' }, cookie: admin })).status).toBe(201);
    expect((await call('POST', '/api/displays/pairings/claim', { body: { code: pairing.body.code, secret: pairing.body.secret } })).body.status).toBe('paired');

    const terms = await call('GET', '/api/terms', { cookie: admin });
    const current = terms.body.terms.find((term: { current: boolean }) => term.current);
    const group = await call('POST', '/api/terms/:id/groups', { path: `/api/terms/${current.id}/groups`, body: { name: 'Nhóm mới' }, cookie: admin });
    expect(group.status).toBe(201);
    const board = (await api(server, 'GET', '/api/board', { cookie: admin })).body;
    await call('PATCH', '/api/indicators/:id', { path: `/api/indicators/${board.indicators[0].id}`, body: { name: 'Tên mới của chỉ tiêu' }, cookie: admin });
    const unit = await call('POST', '/api/units', { body: { name: 'Phòng mới' }, cookie: admin });
    expect(unit.status).toBe(201);
    await call('POST', '/api/units/merge', { body: { unitIds: [unit.body.id], into: { name: 'Phòng hợp nhất' } }, cookie: admin });

    await call('GET', '/api/settings', { cookie: admin });
    await call('PATCH', '/api/settings', { body: { alertRecipients: ['lanhdao@vp.gov.vn'] }, cookie: admin });
    await call('GET', '/api/settings/logo');
    await call('GET', '/api/notifications', { cookie: admin });
    await call('GET', '/api/audit', { path: '/api/audit?limit=50', cookie: admin });
    await call('GET', '/api/exports', { cookie: admin });
    expect((await call('DELETE', '/api/session', { cookie: login.headers.get('set-cookie')!.split(';')[0]! })).status).toBe(204);
  });

  it('an import: the dry run and the commit', async () => {
    const board = (await api(server, 'GET', '/api/board', { cookie: admin })).body;
    const count = board.indicators.find((indicator: { measure: string }) => indicator.measure === 'count');
    const header = 'code,date,value,numerator,denominator,note,evidence';
    const refused = await uploadFile(`${server.url}/api/imports`, 'so-lieu.csv', `${header}\nNO-SUCH,2026-11-25,1,,,,\n`, { cookie: admin });
    expect([refused.status, refused.body.counts.error]).toEqual([201, 1]);
    expect(violations('POST', '/api/imports', refused.status, refused.body)).toEqual([]);
    const commitRefused = await call('POST', '/api/imports/:id/commit', { path: `/api/imports/${refused.body.id}/commit`, cookie: admin });
    expect(commitRefused.status).toBe(400);
    const preview = await uploadFile(`${server.url}/api/imports`, 'so-lieu.csv', `${header}\n${count.code},2026-11-25,2,,,Nhập,\n`, { cookie: admin });
    expect(preview.status).toBe(201);
    expect(violations('POST', '/api/imports', preview.status, preview.body)).toEqual([]);
    const commit = await call('POST', '/api/imports/:id/commit', { path: `/api/imports/${preview.body.id}/commit`, cookie: admin });
    expect([commit.status, commit.body.imported]).toEqual([200, 1]);
    expect((await call('POST', '/api/imports/:id/commit', { path: `/api/imports/${preview.body.id}/commit`, cookie: admin })).status).toBe(409);
  });

  it('finds an undocumented field or status: the check can fail', () => {
    const error = { error: { code: 'not_found', message: 'no such thing' } };
    expect(violations('GET', '/api/board', 404, error)).toEqual([]);
    expect(violations('GET', '/api/board', 404, { error: { ...error.error, hint: 'x' } })).not.toEqual([]);
    expect(violations('GET', '/api/board', 418, error)).toEqual(['GET /api/board answered 418, which the document does not name']);
    expect(violations('GET', '/api/health', 200, { status: 'ok', time: 'now', database: 'oracle' })).not.toEqual([]);
  });
});
