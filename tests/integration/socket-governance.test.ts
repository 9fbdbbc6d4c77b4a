import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSocket } from '../../client/realtime/connect';
import type { Ack, ResyncAnswer } from '../../shared/realtime/events';
import { SOCKET_LIMITS } from '../../server/realtime/socket-governance';
import { api, startTestServer, type TestServer } from '../helpers/start-test-server';
import { startFlooder } from '../helpers/flooder-process';
import { boardSocket, collectUpdates, connectForSnapshot, eventually } from '../helpers/socket-client';

let server: TestServer;
let admin: string;
let ids: Map<string, number>;
const sockets: BoardSocket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login();
  const { body } = await api(server, 'GET', '/api/board', { cookie: admin });
  ids = new Map(body.indicators.map((i: { code: string; id: number }) => [i.code, i.id]));
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});
afterAll(() => server.close());

function client(options: Parameters<typeof boardSocket>[1] & { origin?: string }): BoardSocket {
  const { origin, ...rest } = options;
  const socket = boardSocket(server.url, { ...rest, reconnection: false });
  if (origin) (socket.io.opts.extraHeaders as Record<string, string>).origin = origin;
  sockets.push(socket);
  return socket;
}

/** Resolves with the time from `action` to the socket's disconnect. */
async function disconnectedWithin(socket: BoardSocket, action: () => Promise<unknown>): Promise<number> {
  const gone = new Promise<number>((resolve) => socket.once('disconnect', () => resolve(performance.now())));
  const started = performance.now();
  await action();
  return (await gone) - started;
}

const resync = (socket: BoardSocket, since: number) => new Promise<Ack<ResyncAnswer>>((resolve) => socket.emit('board:resync', { since }, resolve));

let userNumber = 0;
async function signedInUser(role: 'editor' | 'viewer' = 'editor') {
  const username = `phien.${++userNumber}`;
  const id = await server.createUser({ username, password: 'Phien-Password-1', role, unitIds: [1] });
  return { id, username, cookie: await server.login(username, 'Phien-Password-1') };
}

describe('sockets of a cookie session', () => {
  it('are disconnected within 1 s of a logout, and only that session’s', async () => {
    const user = await signedInUser();
    const other = await server.login(user.username, 'Phien-Password-1');
    const socket = client({ cookie: user.cookie });
    const stays = client({ cookie: other });
    await connectForSnapshot(socket);
    await connectForSnapshot(stays);
    const ms = await disconnectedWithin(socket, () => api(server, 'DELETE', '/api/session', { cookie: user.cookie }));
    expect(ms).toBeLessThan(1000);
    expect(stays.connected).toBe(true);
  });

  it.each([
    ['the user is disabled', (id: number) => api(server, 'PATCH', `/api/users/${id}`, { body: { disabled: true }, cookie: admin })],
    ['the role changes', (id: number) => api(server, 'PATCH', `/api/users/${id}`, { body: { role: 'viewer' }, cookie: admin })],
    ['an admin resets the password', (id: number) => api(server, 'POST', `/api/users/${id}/password`, { body: { password: 'Reset-Password-9' }, cookie: admin })],
  ])('are disconnected within 1 s when %s', async (_, change) => {
    const user = await signedInUser();
    const socket = client({ cookie: user.cookie });
    await connectForSnapshot(socket);
    const ms = await disconnectedWithin(socket, async () => expect((await change(user.id)).status).toBeLessThan(300));
    expect(ms).toBeLessThan(1000);
  });

  it('are disconnected within 1 s when their user changes the password', async () => {
    const user = await signedInUser();
    const socket = client({ cookie: user.cookie });
    await connectForSnapshot(socket);
    const ms = await disconnectedWithin(socket, async () => {
      const changed = await api(server, 'POST', '/api/session/password', { body: { currentPassword: 'Phien-Password-1', newPassword: 'Changed-Password-7' }, cookie: user.cookie });
      expect(changed.status).toBe(204);
    });
    expect(ms).toBeLessThan(1000);
  });

  it('are disconnected within about a second of the session expiring, while a display token stays', async () => {
    const user = await signedInUser();
    const socket = client({ cookie: user.cookie });
    const screen = client({ token: await server.createToken('display') });
    await connectForSnapshot(socket);
    await connectForSnapshot(screen);
    const moved = 2 * 60 * 60 * 1000 + 1000; // past the idle limit
    try {
      const ms = await disconnectedWithin(socket, async () => server.clock.advance(moved));
      expect(ms).toBeLessThan(1500);
      expect(screen.connected).toBe(true);
    } finally {
      server.clock.advance(-moved);
    }
  });

  it('are refused at the handshake from another Origin; the own Origin and tokens from anywhere are accepted', async () => {
    const user = await signedInUser();
    await expect(connectForSnapshot(client({ cookie: user.cookie, origin: 'http://evil.example' }))).rejects.toThrow('forbidden');
    await expect(connectForSnapshot(client({ cookie: user.cookie, origin: server.url }))).resolves.toMatchObject({ seq: expect.any(Number) });
    const token = await server.createToken('display');
    await expect(connectForSnapshot(client({ token, origin: 'http://tv.example' }))).resolves.toMatchObject({ seq: expect.any(Number) });
  });
});

describe('resyncs', () => {
  it('answer one at a time per socket and refuse a flood with rate_limited', async () => {
    const socket = client({ token: await server.createToken('display') });
    await connectForSnapshot(socket);
    const answers = await Promise.all(Array.from({ length: 50 }, () => resync(socket, 0)));
    // Sent at once: a few are answered (each one after the last), the rest refused.
    expect(answers.filter((a) => a.ok).length).toBeLessThanOrEqual(SOCKET_LIMITS.resyncBurst);
    expect(answers.filter((a) => !a.ok && a.error.code === 'rate_limited').length).toBeGreaterThanOrEqual(50 - SOCKET_LIMITS.resyncBurst);
    // One after the other: the bucket's burst, then refused.
    const sequential: boolean[] = [];
    for (let i = 0; i < SOCKET_LIMITS.resyncBurst + 5; i++) sequential.push((await resync(socket, 0)).ok);
    expect(sequential.filter((answered) => !answered).length).toBeGreaterThan(0);
  });

  it('a flood of 5,000 from one screen delays no other screen’s update by a second', async () => {
    // The flooder in a process of its own: encoding and writing its 5,000 emits here would hold up
    // this process's event loop, the server's and the watcher's, and be timed as the server's delay.
    const flooder = await startFlooder(server.url, await server.createToken('display'));
    const watcher = client({ token: await server.createToken('display') });
    const board = await connectForSnapshot(watcher);
    const updates = collectUpdates(watcher);
    const floodStarted = performance.now();
    await flooder.flood(5000);
    const started = performance.now();
    const posted = await api(server, 'POST', `/api/indicators/${ids.get('KTGS-02')}/readings`, { body: { date: '2026-11-20', value: 1 }, cookie: admin });
    expect(posted.status).toBe(201);
    await eventually('the update', () => updates.some((u) => u.seq === posted.body.seq), 5000);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(posted.body.seq).toBeGreaterThan(board.seq);
    // Past its bucket of events the flooding socket is cut: the rest of its flood costs nothing.
    const report = await flooder.report();
    expect(report.cut).not.toBeNull();
    // The bucket refills at eventsPerSecond while the flood is read: at most that on top of the
    // burst over the time from the flood's start to the report (the cut came before it).
    const refill = Math.ceil(((performance.now() - floodStarted) / 1000) * SOCKET_LIMITS.eventsPerSecond);
    expect(report.answered + report.refused).toBeLessThanOrEqual(SOCKET_LIMITS.eventBurst + refill);
    expect(watcher.connected).toBe(true);
  });
});

describe('a client that never reads', () => {
  it('is cut off once its backlog passes the limit, and others keep being served', async () => {
    const stalled = client({ token: await server.createToken('display') });
    const reader = client({ token: await server.createToken('display') });
    const board = await connectForSnapshot(stalled);
    await connectForSnapshot(reader);
    const stalledId = stalled.id!;
    // The stalled client reads nothing, not even the close: the server's side tells.
    const cut = () => !server.app.io.sockets.sockets.has(stalledId);
    // Stop reading: the kernel's buffers fill (tens of MB on loopback), then the server's.
    (stalled.io.engine.transport as unknown as { ws: { _socket: { pause(): void } } }).ws._socket.pause();
    let readerGot = 0;
    reader.on('board:snapshot', () => readerGot++);
    // Boards of a megabyte each, as a large office's are, sent to both.
    const large = { ...board, office: 'x'.repeat(1024 * 1024) };
    for (let sent = 0; sent < 120 && !cut(); sent++) {
      server.app.io.to([stalledId, reader.id!]).emit('board:snapshot', large);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await eventually('the stalled socket cut off', cut, 5000);
    await eventually('the reader served', () => readerGot > 0, 5000);
    expect(reader.connected).toBe(true);
  });
});
