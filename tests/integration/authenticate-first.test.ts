import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declaredRoutes, DOCS_PATH, OPENAPI_PATH } from '../../server/http/openapi';
import { api, startTestServer, type TestServer } from '../helpers/start-test-server';

/*
 * Authentication comes before everything else a request carries: an anonymous caller gets 401 from
 * every route that needs a caller, whatever its parameters, body or content type (a malformed body
 * included), so that it learns nothing about a route's input. Public routes still check their input.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: false });
});
afterAll(async () => {
  await server.close();
});

const apiRoutes = () =>
  declaredRoutes(server.app.http).filter((route) => route.url.startsWith('/api/') && route.method !== 'HEAD' && !route.url.startsWith(DOCS_PATH) && route.url !== OPENAPI_PATH);
/** The route's path with parameters that no schema accepts. */
const withBadParams = (url: string) => url.replace(/:\w+/g, 'not-an-id');
const readings = async () => Number((await server.db.rows<{ n: number }>(sql`select count(*) as n from readings`))[0]!.n);

describe('authentication before the request', () => {
  it('answers 401 to an anonymous caller of every signed-in route, whatever it sends', async () => {
    const signedIn = apiRoutes().filter((route) => !route.public);
    expect(signedIn.length).toBeGreaterThan(50);
    const sendings = [
      { what: 'a malformed JSON body', rawBody: '{"date": ', headers: { 'content-type': 'application/json' } },
      { what: 'an unknown field', body: { unknown: 1 } },
      { what: 'a body of another content type', rawBody: 'date=2026-11-28', headers: { 'content-type': 'text/plain' } },
    ];
    const answers: string[] = [];
    for (const route of signedIn) {
      for (const sending of sendings) {
        const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
        const answer = await api(server, route.method, `${withBadParams(route.url)}?limit=-1&unknown=1`, hasBody ? sending : {});
        answers.push(`${route.method} ${route.url} (${hasBody ? sending.what : 'no body'}): ${answer.status} ${answer.body?.error?.code}`);
        if (!hasBody) break;
      }
    }
    expect(answers.filter((answer) => !answer.endsWith(': 401 unauthenticated'))).toEqual([]);
  });

  it('answers 401 before the body limit: an anonymous caller cannot probe it', async () => {
    const readingsBefore = await readings();
    const answer = await api(server, 'POST', '/api/readings', { rawBody: 'x'.repeat(17 * 1024 * 1024), headers: { 'content-type': 'application/json' } });
    expect([answer.status, answer.body.error.code]).toEqual([401, 'unauthenticated']);
    expect(await readings()).toBe(readingsBefore);
  });

  it('still checks the input of a signed-in caller: 400 with the fields', async () => {
    const cookie = await server.login();
    const answer = await api(server, 'POST', '/api/indicators/1/readings', { body: { date: 'yesterday', extra: 1 }, cookie });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'validation_failed', fields: { date: 'custom', extra: 'unknown_field' } });
    const malformed = await api(server, 'POST', '/api/indicators/1/readings', { rawBody: '{"date": ', headers: { 'content-type': 'application/json' }, cookie });
    expect([malformed.status, malformed.body.error.code]).toEqual([400, 'malformed_json']);
  });

  it('leaves the public routes public: their input is checked for anyone', async () => {
    const publicRoutes = apiRoutes()
      .filter((route) => route.public)
      .map((route) => `${route.method} ${route.url}`);
    expect(publicRoutes.sort()).toEqual(
      ['DELETE /api/session', 'GET /api/health', 'GET /api/settings/logo', 'POST /api/displays/pairings', 'POST /api/displays/pairings/claim', 'POST /api/session'].sort(),
    );
    const login = await api(server, 'POST', '/api/session', { body: { username: 'admin' } });
    expect([login.status, login.body.error.code, login.body.error.fields]).toEqual([400, 'validation_failed', { password: 'invalid_type' }]);
    const claim = await api(server, 'POST', '/api/displays/pairings/claim', { rawBody: '{', headers: { 'content-type': 'application/json' } });
    expect([claim.status, claim.body.error.code]).toEqual([400, 'malformed_json']);
  });
});
