import { sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectBoardStore, type BoardSocket } from '../../client/realtime/connect';
import { applyBatchToBoard, type DeltaBatch } from '../../shared/realtime/delta';
import { api, startTestServer, type TestServer } from '../helpers/start-test-server';
import { boardSocket, collectBatches, collectCoverage, collectUpdates, connectForSnapshot, eventually } from '../helpers/socket-client';
import { sqlRows, sqlRun } from '../helpers/sql';

let server: TestServer;
let admin: string;
let ids: Map<string, number>;
const sockets: BoardSocket[] = [];

// Each test gets its own server and database: a failure leaves the next test untouched.
beforeEach(async () => {
  server = await startTestServer();
  admin = await server.login();
  const { body } = await api(server, 'GET', '/api/board', { cookie: admin });
  ids = new Map(body.indicators.map((i: { code: string; id: number }) => [i.code, i.id]));
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});
afterEach(() => server.close());

function client(options: Parameters<typeof boardSocket>[1]): BoardSocket {
  const socket = boardSocket(server.url, options);
  sockets.push(socket);
  return socket;
}

let day = 0;
/** A valid reading for a count indicator, a different one each time. */
function postReading(code = 'KTGS-02', headers?: Record<string, string>) {
  day = (day % 27) + 1;
  return api(server, 'POST', `/api/indicators/${ids.get(code)}/readings`, {
    body: { date: `2026-11-${String(day).padStart(2, '0')}`, value: 1 },
    cookie: admin,
    headers,
  });
}

async function readingCount(): Promise<number> {
  const [counted] = await sqlRows<{ n: number }>(server.db, sql`select cast(count(*) as integer) as n from readings`);
  return counted!.n;
}

describe('handshake', () => {
  it.each([
    ['no credentials', {}],
    ['an unknown token', { token: 'tbd_unknown' }],
    ['a forged session cookie', { cookie: 'termboard_session=tbs_forged' }],
  ])('refuses %s with "unauthorized"', async (_, options) => {
    await expect(connectForSnapshot(client({ ...options, reconnection: false }))).rejects.toThrow('unauthorized');
  });

  it('refuses a revoked token', async () => {
    const token = await server.createToken('display');
    await sqlRun(server.db, sql`update access_tokens set revoked_at = 1 where revoked_at is null`);
    await expect(connectForSnapshot(client({ token, reconnection: false }))).rejects.toThrow('unauthorized');
  });

  it.each(['session cookie', 'display token', 'API token'] as const)('sends a %s the board snapshot on connect', async (kind) => {
    const options = kind === 'session cookie' ? { cookie: admin } : { token: await server.createToken(kind === 'display token' ? 'display' : 'api') };
    const snapshot = await connectForSnapshot(client(options));
    const { body } = await api(server, 'GET', '/api/board', { cookie: admin });
    expect(snapshot).toEqual(body);
  });
});

describe('shared snapshots', () => {
  it('sends every socket the board of the same seq, with the moment it was sent as asOf', async () => {
    const first = await connectForSnapshot(client({ cookie: admin }));
    server.clock.advance(60_000); // a minute later, the same day
    const computed = vi.spyOn(server.app.boards, 'board');
    const second = await connectForSnapshot(client({ cookie: admin }));
    expect(computed).not.toHaveBeenCalled(); // the board of this seq was computed and serialised already
    computed.mockRestore();
    expect(second.seq).toBe(first.seq);
    expect(second.asOf).toBe(new Date(server.clock.now()).toISOString());
    expect(second).toEqual({ ...first, asOf: second.asOf });
    const { body } = await api(server, 'GET', '/api/board', { cookie: admin });
    expect(second).toEqual(body);
  });
});

describe('indicator:updated', () => {
  it('reaches 100 clients as deltas covering every change in seq order, ending at the board', async () => {
    const token = await server.createToken('display');
    const clients = Array.from({ length: 100 }, () => client({ token }));
    const covered = clients.map(collectCoverage);
    const batches = clients.map(collectBatches);
    const snapshots = await Promise.all(clients.map((socket) => connectForSnapshot(socket)));
    const start = snapshots[0]!.seq;
    expect(new Set(snapshots.map((s) => s.seq))).toEqual(new Set([start]));

    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => postReading(i % 2 ? 'KTGS-02' : 'XDD-01')));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(answers.map((a) => a.body.seq as number).sort((a, b) => a - b)).toEqual([start + 1, start + 2, start + 3, start + 4, start + 5]);

    await eventually('every client to have seq 5', () => covered.every((seqs) => seqs.at(-1) === start + 5));
    const { body: board } = await api(server, 'GET', '/api/board', { cookie: admin });
    for (const [i, seqs] of covered.entries()) {
      expect(seqs).toEqual([start + 1, start + 2, start + 3, start + 4, start + 5]);
      expect(batches[i]!.reduce((shown, batch) => applyBatchToBoard(shown, batch)!, snapshots[i]!)).toEqual({ ...board, asOf: snapshots[i]!.asOf });
    }
  });

  it('is sent once for a write retried with the same Idempotency-Key, however many retries at once', async () => {
    const socket = client({ cookie: admin });
    const updates = collectUpdates(socket);
    await connectForSnapshot(socket);
    const before = await readingCount();
    const headers = { 'idempotency-key': 'burst-retry-1' };
    const body = { date: '2026-11-28', value: 1 };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => api(server, 'POST', `/api/indicators/${ids.get('XDD-01')}/readings`, { body, cookie: admin, headers })),
    );
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([201]));
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(await readingCount()).toBe(before + 1);
    await postReading(); // a later change, to know the first has been delivered
    await eventually('two updates', () => updates.length >= 2);
    expect(updates.filter((u) => u.reading?.id === answers[0]!.body.reading.id)).toHaveLength(1);
  });
});

describe('board:resync', () => {
  it('replays the missed changes as one batch, each indicator once, that brings the old board to the current one', async () => {
    const live = client({ cookie: admin });
    const broadcast = collectCoverage(live);
    const old = await connectForSnapshot(live);
    for (let i = 0; i < 3; i++) expect((await postReading(i === 1 ? 'XDD-01' : 'KTGS-02')).status).toBe(201);
    await eventually('3 broadcasts', () => broadcast.length === 3);

    const late = client({ cookie: admin });
    await connectForSnapshot(late);
    const replayed = new Promise<DeltaBatch>((resolve) => late.once('indicators:updated', resolve));
    const ack = await late.emitWithAck('board:resync', { since: old.seq });
    expect(ack).toEqual({ ok: true, data: { kind: 'replay' } });
    const batch = await replayed;
    expect(batch.since).toBe(old.seq);
    expect(batch.changes.map((delta) => [delta.indicator.code, delta.seq])).toEqual([['XDD-01', old.seq + 2], ['KTGS-02', old.seq + 3]]);
    const { body: board } = await api(server, 'GET', '/api/board', { cookie: admin });
    expect(applyBatchToBoard(old, batch)).toEqual({ ...board, asOf: old.asOf });
    // Replayed from what this node delivered: a lone node writes the change log no payload.
    expect(await sqlRows(server.db, sql`select cast(count(*) as integer) as n from changes where payload is not null`)).toEqual([{ n: 0 }]);
  });

  it('answers with a snapshot when the changes are no longer kept (the seeded history) or the seq is unknown', async () => {
    const socket = client({ cookie: admin });
    const current = await connectForSnapshot(socket);
    for (const since of [1, current.seq + 1000]) {
      const snapshot = new Promise((resolve) => socket.once('board:snapshot', resolve));
      expect(await socket.emitWithAck('board:resync', { since })).toEqual({ ok: true, data: { kind: 'snapshot' } });
      expect(((await snapshot) as { seq: number }).seq).toBe(current.seq);
    }
    expect(await socket.emitWithAck('board:resync', { since: current.seq })).toEqual({ ok: true, data: { kind: 'current' } });
  });
});

describe('the client store', () => {
  it('detects a lost update, resyncs and converges to the board', async () => {
    const real = client({ cookie: admin });
    // The same socket, except that the second indicator:updated never arrives.
    let seen = 0;
    const lossy = new Proxy(real, {
      get(target, property, receiver) {
        if (property === 'on') {
          return (event: string, listener: (...args: unknown[]) => void) =>
            target.on(event as never, (event === 'indicator:updated' ? (...args: unknown[]) => ++seen !== 2 && listener(...args) : listener) as never);
        }
        const value = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const { store } = connectBoardStore(lossy);
    real.connect();
    await eventually('the snapshot', () => store.current.board !== null);
    // The lost (second) change is the only one to KTGS-02: no later update would paper over it.
    // One at a time, each seen before the next is posted: each goes out alone, as indicator:updated.
    for (const [i, code] of ['XDD-01', 'KTGS-02', 'XDD-01', 'XDD-01'].entries()) {
      expect((await postReading(code)).status).toBe(201);
      await eventually(`update ${i + 1} to arrive`, () => seen === i + 1);
    }
    const { body: board } = await api(server, 'GET', '/api/board', { cookie: admin });
    await eventually('the store to reach the board', () => store.current.board?.seq === board.seq);
    expect(seen).toBe(4);
    expect(store.current.board).toEqual(board);
  });

  it('catches up after missing changes while disconnected', async () => {
    const socket = client({ cookie: admin });
    const { store } = connectBoardStore(socket);
    socket.connect();
    await eventually('live', () => store.current.connection === 'live' && store.current.board !== null);
    socket.disconnect();
    await eventually('offline', () => store.current.connection === 'offline');
    expect(store.current.offlineSince).not.toBeNull();
    for (let i = 0; i < 3; i++) expect((await postReading('XDD-01')).status).toBe(201);
    socket.connect();
    const { body: board } = await api(server, 'GET', '/api/board', { cookie: admin });
    await eventually('the store to reach the board', () => store.current.board?.seq === board.seq);
    expect(store.current.board).toEqual(board);
    expect(store.current.connection).toBe('live');
  });
});

describe('garbage on every event', () => {
  it('leaves the server healthy, answers with errors and writes nothing', async () => {
    const socket = client({ cookie: admin });
    const updates = collectUpdates(socket);
    await connectForSnapshot(socket);
    // Untyped: this client sends what the contract does not allow.
    const raw = socket as unknown as Socket;
    const before = await readingCount();
    const deep: Record<string, unknown> = {};
    let cursor = deep;
    for (let i = 0; i < 500; i++) cursor = (cursor.next = {}) as Record<string, unknown>;
    const garbage: unknown[] = [
      undefined, null, 0, -1, 'since', [], [1], {}, { since: -1 }, { since: 'a' }, { since: 1.5 }, { since: 1, extra: true },
      { since: Number.MAX_SAFE_INTEGER + 10 }, { since: null }, deep, Buffer.from('binary'), 'x'.repeat(100_000),
    ];
    for (const payload of garbage) {
      const answer = (await raw.timeout(5000).emitWithAck('board:resync', payload)) as { ok: boolean };
      if (typeof payload === 'object' && payload !== null && 'since' in payload && Number.isSafeInteger((payload as { since: unknown }).since) && Object.keys(payload).length === 1 && (payload as { since: number }).since >= 0) {
        expect(answer.ok).toBe(true);
      } else {
        expect(answer).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
      }
    }
    // Without an ack, and on events the server does not take.
    for (const payload of garbage) raw.emit('board:resync', payload);
    for (const event of ['board:snapshot', 'indicator:updated', 'indicators:updated', 'reading:create', 'x'.repeat(1000)]) {
      for (const payload of garbage) raw.emit(event, payload);
    }
    expect((await api(server, 'GET', '/api/health')).status).toBe(200);
    expect(await readingCount()).toBe(before);
    expect(socket.connected).toBe(true);
    const answer = await postReading();
    await eventually('the next update', () => updates.some((u) => u.seq === answer.body.seq));
  });
});

describe('a stop', () => {
  it('does not wait on a WebSocket whose client never reads its goodbye', async () => {
    // A raw WebSocket upgrade of Engine.IO, then a client that stops reading (a screen frozen
    // mid-upgrade on a loaded machine): the server's close frame is never answered.
    const { port } = new URL(server.url);
    const socket = connect({ host: '127.0.0.1', port: Number(port) });
    socket.write(
      [
        'GET /socket.io/?EIO=4&transport=websocket HTTP/1.1',
        `Host: 127.0.0.1:${port}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
        'Sec-WebSocket-Version: 13',
        '',
        '',
      ].join('\r\n'),
    );
    const answer = await new Promise<string>((resolve) => socket.once('data', (data) => resolve(data.toString('latin1'))));
    expect(answer).toMatch(/^HTTP\/1\.1 101/);
    socket.pause();

    const started = Date.now();
    await server.stop();
    // Without cutting the connection after the grace, the close waited for the WebSocket's own
    // 30 s close timeout.
    expect(Date.now() - started).toBeLessThan(5000);
    socket.destroy();
  });
});
