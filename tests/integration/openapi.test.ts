import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declaredRoutes, DOCS_PATH, OPENAPI_PATH } from '../../server/http/openapi';
import { api, startTestServer, type TestServer } from '../helpers/start-test-server';

/*
 * The OpenAPI document is made from the schemas the routes declare and validate with: every API
 * route declares one (its path parameters included), the document is valid OpenAPI 3.1, and a
 * declared schema's refusal is the API's usual 400.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: false });
});
afterAll(async () => {
  await server.close();
});

describe('the API, described', () => {
  it('every API route declares its schema, with its path parameters', () => {
    const routes = declaredRoutes(server.app.http).filter(
      (route) => route.url.startsWith('/api/') && route.method !== 'HEAD' && !route.url.startsWith(DOCS_PATH) && route.url !== OPENAPI_PATH && route.url !== '/api/health',
    );
    expect(routes.length).toBeGreaterThan(50);
    const undeclared = routes.filter((route) => !route.schema || !Array.isArray(route.schema.tags)).map((route) => `${route.method} ${route.url}`);
    expect(undeclared).toEqual([]);
    const withoutParams = routes.filter((route) => route.url.includes('/:') && !route.schema?.params).map((route) => `${route.method} ${route.url}`);
    expect(withoutParams).toEqual([]);
  });

  it('serves an OpenAPI 3.1 document that a validator accepts, naming every route', async () => {
    const answer = await api(server, 'GET', OPENAPI_PATH);
    expect(answer.status).toBe(200);
    expect(answer.body.openapi).toBe('3.1.0');
    const result = await new Validator().validate(answer.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(answer.body.paths)).toEqual(expect.arrayContaining(['/api/board', '/api/indicators/{id}/readings', '/api/readings', '/api/notifications']));
    const reading = answer.body.paths['/api/indicators/{id}/readings'].post;
    expect(reading.requestBody.content['application/json'].schema.properties).toHaveProperty('date');
  });

  it('shows the document at /api/docs with no inline script', async () => {
    const page = await fetch(`${server.url}${DOCS_PATH}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('swagger');
    expect(html).not.toMatch(/<script>(?!\s*<\/script>)/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('answers a refusal of a declared schema with the usual 400 body', async () => {
    const cookie = await server.login();
    const refused = await api(server, 'PATCH', '/api/account', { body: { email: 'x', extra: 1 }, cookie });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'validation_failed', fields: { email: 'invalid_format', extra: 'unknown_field' } });
    const badId = await api(server, 'GET', '/api/exports/abc', { cookie });
    expect([badId.status, badId.body.error.code]).toEqual([400, 'validation_failed']);
  });
});
