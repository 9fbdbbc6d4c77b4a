import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorDelta } from '../../shared/realtime/delta';
import type { BoardServer } from '../../server/realtime/broadcaster';
import { RoomFanOut } from '../../server/realtime/room-fan-out';

const ROOM = 'board:1';
const SCREENS = 7;
const SLICE = 3;

/** A delta as the fan-out sees it: it sends what it is given. */
const delta = (seq: number) => ({ seq }) as unknown as IndicatorDelta;

describe('RoomFanOut (a real Socket.IO server and clients)', () => {
  const http = createServer();
  const io = new Server(http) as BoardServer;
  let clients: ClientSocket[] = [];
  /** [socket id, seq] in the order the server created each packet. */
  const written: Array<[string, number]> = [];
  const received = new Map<ClientSocket, number[]>();

  beforeAll(async () => {
    io.on('connection', (socket) => {
      void socket.join(ROOM);
      socket.conn.on('packetCreate', (packet: { type: string; data?: unknown }) => {
        const match = typeof packet.data === 'string' ? /"seq":(\d+)/.exec(packet.data) : null;
        if (packet.type === 'message' && match) written.push([socket.id, Number(match[1])]);
      });
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    clients = await Promise.all(
      Array.from({ length: SCREENS }, () => {
        const client = connect(url, { transports: ['websocket'], forceNew: true });
        received.set(client, []);
        client.on('indicator:updated', (update: { seq: number }) => received.get(client)!.push(update.seq));
        return new Promise<ClientSocket>((resolve) => client.once('connect', () => resolve(client)));
      }),
    );
    // Joined once the server has seen every connection.
    while ((io.of('/').adapter.rooms.get(ROOM)?.size ?? 0) < SCREENS) await new Promise((resolve) => setTimeout(resolve, 10));
  });

  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await io.close();
  });

  const arrived = async (seq: number) => {
    for (let i = 0; i < 200 && ![...received.values()].every((seqs) => seqs.includes(seq)); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect([...received.values()].map((seqs) => seqs.includes(seq))).toEqual(clients.map(() => true));
  };

  it('writes one slice at once and the others in later turns of the event loop', async () => {
    const fanOut = new RoomFanOut(io, ROOM, (error) => expect.fail(String(error)), SLICE);
    written.length = 0;
    fanOut.emit('indicator:updated', delta(1));
    expect(written).toHaveLength(SLICE);
    // A turn of the event loop: the second slice, and no more.
    await new Promise((resolve) => setImmediate(resolve));
    expect(written).toHaveLength(2 * SLICE);
    await fanOut.idle();
    expect(new Set(written.map(([socket]) => socket)).size).toBe(SCREENS);
    await arrived(1);
  });

  it('sends each message to every socket before the next, so every socket has them in order', async () => {
    const fanOut = new RoomFanOut(io, ROOM, (error) => expect.fail(String(error)), SLICE);
    written.length = 0;
    for (const client of clients) received.set(client, []);
    for (let seq = 10; seq < 15; seq++) fanOut.emit('indicator:updated', delta(seq));
    await fanOut.idle();
    expect(written.map(([, seq]) => seq)).toEqual([10, 11, 12, 13, 14].flatMap((seq) => Array<number>(SCREENS).fill(seq)));
    await arrived(14);
    for (const seqs of received.values()) expect(seqs).toEqual([10, 11, 12, 13, 14]);
  });

  it('reports a message it cannot send and goes on with the next', async () => {
    const errors: unknown[] = [];
    const fanOut = new RoomFanOut(io, ROOM, (error) => errors.push(error), SLICE);
    // JSON cannot carry a BigInt: encoding the packet throws.
    fanOut.emit('indicator:updated', { seq: 20, value: 1n } as unknown as IndicatorDelta);
    fanOut.emit('indicator:updated', delta(21));
    await fanOut.idle();
    expect(errors).toHaveLength(1);
    await arrived(21);
  });

  it('is idle at once when nothing waits, and sends to an empty room without error', async () => {
    const fanOut = new RoomFanOut(io, 'board:2', (error) => expect.fail(String(error)), SLICE);
    await fanOut.idle();
    fanOut.emit('indicator:updated', delta(30));
    await fanOut.idle();
  });
});
