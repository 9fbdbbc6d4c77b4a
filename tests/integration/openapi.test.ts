import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declaredRoutes, DOCS_PATH, OPENAPI_PATH } from '../../server/http/openapi';
import { api, startTestServer, type TestServer } from '../helpers/start-test-server';

/*
 * The OpenAPI document is made from the schemas the routes declare and validate with: every API
 * route declares one (its path parameters included) and its success answers, the document is
 * valid OpenAPI 3.1 with every refusal in the one error body, and a declared schema's refusal is
 * the API's usual 400. Real answers against the document: openapi-answers.test.ts.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: false });
});
afterAll(async () => {
  await server.close();
});

describe('the API, described', () => {
  it('every API route declares its schema, with its path parameters and its success answers', () => {
    const routes = declaredRoutes(server.app.http).filter(
      (route) => route.url.startsWith('/api/') && route.method !== 'HEAD' && !route.url.startsWith(DOCS_PATH) && route.url !== OPENAPI_PATH,
    );
    expect(routes.length).toBeGreaterThan(50);
    const undeclared = routes.filter((route) => !route.schema || !Array.isArray(route.schema.tags)).map((route) => `${route.method} ${route.url}`);
    expect(undeclared).toEqual([]);
    const withoutParams = routes.filter((route) => route.url.includes('/:') && !route.schema?.params).map((route) => `${route.method} ${route.url}`);
    expect(withoutParams).toEqual([]);
    const successes = (route: (typeof routes)[number]) => Object.keys((route.schema?.response ?? {}) as object).filter((status) => /^2\d\d$/.test(status));
    const withoutSuccess = routes.filter((route) => successes(route).length === 0).map((route) => `${route.method} ${route.url}`);
    expect(withoutSuccess).toEqual([]);
  });

  it('describes every answer: a success for each operation, every refusal as the one error body', async () => {
    const { body: document } = await api(server, 'GET', OPENAPI_PATH);
    const operations = Object.entries(document.paths as Record<string, Record<string, { responses: Record<string, { description: string; content?: Record<string, { schema: { $ref?: string } }> }> }>>).flatMap(
      ([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, responses: operation.responses })),
    );
    expect(operations.length).toBeGreaterThan(50);
    const withoutSuccess = operations.filter(({ responses }) => !Object.keys(responses).some((status) => status.startsWith('2'))).map(({ name }) => name);
    expect(withoutSuccess).toEqual([]);
    const undescribed = operations.flatMap(({ name, responses }) =>
      Object.entries(responses)
        .filter(([status, response]) => response.description === 'Default Response' || (status !== '204' && !response.content))
        .map(([status]) => `${name} ${status}`),
    );
    expect(undescribed).toEqual([]);
    const otherErrorBodies = operations.flatMap(({ name, responses }) =>
      Object.entries(responses)
        .filter(([status, response]) => status.startsWith('4') && response.content?.['application/json']?.schema.$ref !== '#/components/schemas/Error')
        .map(([status]) => `${name} ${status}`),
    );
    expect(otherErrorBodies).toEqual([]);
    expect(document.components.schemas.Error.properties.error.required).toEqual(['code', 'message']);
    const reading = document.paths['/api/indicators/{id}/readings'].post.responses;
    expect(Object.keys(reading).sort()).toEqual(['201', '400', '401', '403', '404', '409', '413', '415']);
    expect(reading['201'].content['application/json'].schema.properties).toMatchObject({ reading: { $ref: '#/components/schemas/Reading' }, indicator: { $ref: '#/components/schemas/BoardIndicator' } });
    const login = document.paths['/api/session'].post;
    expect([login.security, Object.keys(login.responses).sort()]).toEqual([[], ['200', '400', '401', '403', '413', '415', '429']]);
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
