import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqlRows } from '../helpers/sql';
import { api, startTestServer, type TestServer } from '../helpers/start-test-server';

let server: TestServer;
let admin: string;
let indicatorIds: number[];

// Each test gets its own server and database: a failure leaves the next test untouched.
beforeEach(async () => {
  server = await startTestServer();
  admin = await server.login();
  const { body } = await api(server, 'GET', '/api/board', { cookie: admin });
  indicatorIds = body.indicators.map((i: { id: number }) => i.id);
});
afterEach(() => server.close());

const readingCount = () => sqlRows<{ n: number }>(server.db, sql`select cast(count(*) as integer) as n from readings`);

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick };
}

const ODD_VALUES: unknown[] = [
  null, true, false, 0, -0, 1e308, -1e308, 2 ** 53 + 1, 0.1, -1, '', ' ', '1', 'NaN', 'Infinity', '２０２６-１１-２８',
  '2026-11-28', '2026-13-01', '0000-00-00', "'; drop table readings; --", '<script>alert(1)</script>', '\u0000', 'ấ'.repeat(3000),
  [], [1, 2], {}, { $gt: 0 }, { __proto__: { admin: true } }, { constructor: { prototype: {} } },
];

function oddBody(r: ReturnType<typeof random>): unknown {
  const roll = r.next();
  if (roll < 0.2) return r.pick(ODD_VALUES);
  const body: Record<string, unknown> = {};
  for (const key of ['date', 'value', 'numerator', 'denominator', 'note', 'evidence', 'supersedes', 'reason', 'username', 'password', '__proto__', 'x']) {
    if (r.next() < 0.5) body[key] = r.pick(ODD_VALUES);
  }
  return body;
}

describe('nothing a client sends gets a 5xx or writes anything', () => {
  it('survives 600 odd requests across every endpoint', async () => {
    const before = await readingCount();
    const r = random(20261128);
    const paths = [
      '/api/health', '/api/session', '/api/board', '/api/indicators/%ID%/readings', '/api/indicators/%ID%/readings?limit=%Q',
      '/api/indicators/%ID%/readings?before=%Q', '/api/nothing', '/api/indicators//readings', '/api/%2e%2e/%2e%2e/etc/passwd',
    ];
    const ids = ['0', '-1', 'abc', '1.5', '99999999999999999999', '%00', ...indicatorIds.map(String)];
    const credentials = [{}, { cookie: admin }, { cookie: 'termboard_session=garbage' }, { token: 'x' }, { headers: { authorization: 'Basic Zm9vOmJhcg==' } }];
    const contentTypes = ['application/json', 'application/json; charset=utf-8', 'text/plain', 'application/xml', 'multipart/form-data; boundary=x', ''];
    const failures: string[] = [];
    for (let i = 0; i < 600; i++) {
      const method = r.pick(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
      const path = r.pick(paths).replace('%ID%', r.pick(ids)).replace('%Q', encodeURIComponent(String(r.pick(ODD_VALUES))));
      const creds = r.pick(credentials);
      const headers: Record<string, string> = { ...('headers' in creds ? creds.headers : {}) };
      const contentType = r.pick(contentTypes);
      if (contentType) headers['content-type'] = contentType;
      if (r.next() < 0.2) headers['idempotency-key'] = String(r.pick(ODD_VALUES)).slice(0, 300).replace(/[^\x20-\x7e]/g, '?');
      const body = method === 'GET' || method === 'OPTIONS' ? undefined : r.next() < 0.15 ? '{"date": "2026-' : JSON.stringify(oddBody(r));
      const { status } = await api(server, method, path, {
        rawBody: body,
        headers,
        ...('cookie' in creds ? { cookie: creds.cookie } : {}),
        ...('token' in creds ? { token: creds.token } : {}),
      });
      if (status >= 500) failures.push(`${method} ${path} ${contentType} ${body?.slice(0, 120)} → ${status}`);
    }
    expect(failures).toEqual([]);
    // Every odd body is refused: no reading was written by any of them.
    expect(await readingCount()).toEqual(before);
    expect((await api(server, 'GET', '/api/health')).status).toBe(200);
  });
});
