import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../helpers/start-test-server';
import { testDialect } from '../helpers/temp-db';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ seed: false });
});
afterAll(() => server.close());

describe(`GET /api/health (${testDialect})`, () => {
  it('says ok, which node and which database', async () => {
    const { status, body } = await api(server, 'GET', '/api/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', node: 'termboard', database: testDialect });
    expect(body).not.toHaveProperty('redis');
  });

  it('answers 503 while the node cannot reach its database, so that a load balancer takes it out', async () => {
    await server.db.close();
    const { status, body } = await api(server, 'GET', '/api/health');
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: 'unavailable', database: 'unreachable' });
  });
});
