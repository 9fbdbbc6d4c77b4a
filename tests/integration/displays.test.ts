import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createdDisplaySchema, displayListSchema } from '../../shared/api/displays';
import { hashSecret } from '../../server/auth/tokens';
import { api, startTestServer, type TestServer } from '../helpers/start-test-server';
import { boardSocket, connectForSnapshot, eventually } from '../helpers/socket-client';
import { sqlRows } from '../helpers/sql';

let server: TestServer;
let admin: string;

// Each test gets its own server and database: a failure leaves the next test untouched.
beforeEach(async () => {
  server = await startTestServer();
  admin = await server.login();
});
afterEach(() => server.close());

describe('POST /api/displays', () => {
  it('creates a named screen whose URL opens the board with no login; the token is stored hashed', async () => {
    const { status, body } = await api(server, 'POST', '/api/displays', { body: { name: 'Phòng họp tầng 3' }, cookie: admin });
    expect(status).toBe(201);
    const display = createdDisplaySchema.parse(body);
    expect(display.name).toBe('Phòng họp tầng 3');
    const url = new URL(display.url);
    expect(url.origin).toBe(server.url);
    expect(url.pathname).toBe('/display');
    expect(url.searchParams.get('token')).toBe(display.token);

    const [stored] = await sqlRows<{ token_hash: string }>(server.db, sql`select token_hash from access_tokens where id = ${display.id}`);
    expect(stored).toBeDefined();
    expect(stored!.token_hash).toBe(hashSecret(display.token));
    expect(stored!.token_hash).not.toContain(display.token);

    const board = await api(server, 'GET', '/api/board', { token: display.token });
    expect(board.status).toBe(200);
    // A display token reads, never writes.
    const write = await api(server, 'POST', `/api/indicators/${board.body.indicators[0].id}/readings`, {
      body: { date: '2026-11-28', value: 1 },
      token: display.token,
    });
    expect(write.status).toBe(403);
  });

  it('is for admins only, and refuses a bad name', async () => {
    await server.createUser({ username: 'bientap', password: 'Bien-Tap-2026', role: 'editor', unitIds: [1] });
    const editor = await server.login('bientap', 'Bien-Tap-2026');
    expect((await api(server, 'POST', '/api/displays', { body: { name: 'x' }, cookie: editor })).status).toBe(403);
    expect((await api(server, 'POST', '/api/displays', { body: { name: 'x' }, token: await server.createToken('display') })).status).toBe(403);
    expect((await api(server, 'POST', '/api/displays', { body: { name: 'x' } })).status).toBe(401);
    for (const body of [{}, { name: '' }, { name: '   ' }, { name: 'x'.repeat(101) }, { name: 'x', extra: 1 }, { name: 7 }]) {
      const answer = await api(server, 'POST', '/api/displays', { body, cookie: admin });
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('validation_failed');
    }
  });
});

describe('GET and DELETE /api/displays', () => {
  it('lists screens with their live connections; revoking one disconnects its sockets at once', async () => {
    const created = (await api(server, 'POST', '/api/displays', { body: { name: 'Hội trường' }, cookie: admin })).body;
    const other = (await api(server, 'POST', '/api/displays', { body: { name: 'Phòng Giám đốc' }, cookie: admin })).body;
    const screens = [boardSocket(server.url, { token: created.token }), boardSocket(server.url, { token: created.token })];
    const bystander = boardSocket(server.url, { token: other.token });
    try {
      await Promise.all([...screens, bystander].map((socket) => connectForSnapshot(socket)));
      const listed = displayListSchema.parse((await api(server, 'GET', '/api/displays', { cookie: admin })).body);
      expect(listed.displays.find((d) => d.id === created.id)).toMatchObject({ name: 'Hội trường', connections: 2, revokedAt: null });
      expect(listed.displays.find((d) => d.id === other.id)).toMatchObject({ connections: 1 });

      const reasons: string[] = [];
      for (const socket of screens) socket.on('disconnect', (reason) => reasons.push(reason));
      const started = Date.now();
      expect((await api(server, 'DELETE', `/api/displays/${created.id}`, { cookie: admin })).status).toBe(204);
      await eventually('both screens to be disconnected', () => reasons.length === 2, 2000);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(reasons).toEqual(['io server disconnect', 'io server disconnect']);
      expect(bystander.connected).toBe(true);

      await expect(connectForSnapshot(screens[0]!)).rejects.toThrow('unauthorized');
      expect((await api(server, 'GET', '/api/board', { token: created.token })).status).toBe(401);
      const after = displayListSchema.parse((await api(server, 'GET', '/api/displays', { cookie: admin })).body);
      expect(after.displays.find((d) => d.id === created.id)?.revokedAt).not.toBeNull();
    } finally {
      for (const socket of [...screens, bystander]) socket.disconnect();
    }
  });

  it('answers 404 for an unknown screen and 403 for a non-admin', async () => {
    expect((await api(server, 'DELETE', '/api/displays/999999', { cookie: admin })).status).toBe(404);
    expect((await api(server, 'DELETE', '/api/displays/abc', { cookie: admin })).status).toBe(400);
    expect((await api(server, 'GET', '/api/displays', { token: await server.createToken('api') })).status).toBe(403);
  });
});

describe('managing a screen from afar', () => {
  it('renames it and changes its rotation; the connected screen gets its new settings at once', async () => {
    const created = (await api(server, 'POST', '/api/displays', { body: { name: 'Phòng họp A' }, cookie: admin })).body;
    const screen = boardSocket(server.url, { token: created.token });
    const settings: unknown[] = [];
    screen.on('display:settings', (s) => settings.push(s));
    try {
      await connectForSnapshot(screen);
      await eventually('the settings on connect', () => settings.length === 1);
      expect(settings[0]).toEqual({ id: created.id, name: 'Phòng họp A', rotateSeconds: 20 });

      const renamed = await api(server, 'PATCH', `/api/displays/${created.id}`, { body: { name: 'Phòng họp B', rotateSeconds: 45 }, cookie: admin });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ id: created.id, name: 'Phòng họp B', rotateSeconds: 45, online: true, connections: 1 });
      expect(renamed.body.lastSeenAt).not.toBeNull();
      await eventually('the new settings', () => settings.length === 2);
      expect(settings[1]).toEqual({ id: created.id, name: 'Phòng họp B', rotateSeconds: 45 });

      for (const body of [{}, { rotateSeconds: 4 }, { rotateSeconds: 601 }, { rotateSeconds: 20.5 }, { name: '' }, { colour: 'red' }]) {
        const refused = await api(server, 'PATCH', `/api/displays/${created.id}`, { body, cookie: admin });
        expect(refused.status).toBe(400);
      }
      expect(settings).toHaveLength(2);
    } finally {
      screen.disconnect();
    }
  });

  it('sends reload and show-page commands to the screen, and says how many sockets got them', async () => {
    const created = (await api(server, 'POST', '/api/displays', { body: { name: 'Sảnh' }, cookie: admin })).body;
    const screen = boardSocket(server.url, { token: created.token });
    const commands: unknown[] = [];
    screen.on('display:command', (command) => commands.push(command));
    try {
      await connectForSnapshot(screen);
      const reload = await api(server, 'POST', `/api/displays/${created.id}/commands`, { body: { type: 'reload' }, cookie: admin });
      expect(reload.status).toBe(202);
      expect(reload.body).toEqual({ delivered: 1 });
      const page = await api(server, 'POST', `/api/displays/${created.id}/commands`, { body: { type: 'show-page', page: 'group-3' }, cookie: admin });
      expect(page.body).toEqual({ delivered: 1 });
      await eventually('both commands', () => commands.length === 2);
      expect(commands).toEqual([{ type: 'reload' }, { type: 'show-page', page: 'group-3' }]);

      for (const body of [{ type: 'explode' }, { type: 'show-page' }, { type: 'show-page', page: '<script>' }, { type: 'reload', extra: 1 }]) {
        expect((await api(server, 'POST', `/api/displays/${created.id}/commands`, { body, cookie: admin })).status).toBe(400);
      }
      expect(commands).toHaveLength(2);
    } finally {
      screen.disconnect();
    }
    await eventually('offline', async () => {
      const listed = (await api(server, 'GET', '/api/displays', { cookie: admin })).body.displays.find((d: { id: number }) => d.id === created.id);
      return listed.online === false && listed.connections === 0;
    });
    expect((await api(server, 'POST', `/api/displays/${created.id}/commands`, { body: { type: 'reload' }, cookie: admin })).body).toEqual({ delivered: 0 });
    await api(server, 'DELETE', `/api/displays/${created.id}`, { cookie: admin });
    expect((await api(server, 'POST', `/api/displays/${created.id}/commands`, { body: { type: 'reload' }, cookie: admin })).status).toBe(409);
    expect((await api(server, 'PATCH', `/api/displays/${created.id}`, { body: { name: 'x' }, cookie: admin })).status).toBe(409);
  });

  it('keeps these for admins', async () => {
    const created = (await api(server, 'POST', '/api/displays', { body: { name: 'Phòng khác' }, cookie: admin })).body;
    const viewerPassword = 'Viewer-Password-9';
    await server.createUser({ username: 'xem', password: viewerPassword, role: 'viewer' });
    const viewer = await server.login('xem', viewerPassword);
    expect((await api(server, 'PATCH', `/api/displays/${created.id}`, { body: { name: 'x' }, cookie: viewer })).status).toBe(403);
    expect((await api(server, 'POST', `/api/displays/${created.id}/commands`, { body: { type: 'reload' }, cookie: viewer })).status).toBe(403);
    expect((await api(server, 'POST', `/api/displays/${created.id}/commands`, { body: { type: 'reload' }, token: created.token })).status).toBe(403);
  });
});
