import { describe, expect, it } from 'vitest';
import { connectBoardStore } from '../../client/realtime/connect';
import { dateInZone } from '../../shared/time/dates';
import { freePort, spawnedServers, waitHealthy, type ServerProcess, type TempStore } from '../helpers/server-process';
import { boardSocket, eventually } from '../helpers/socket-client';
import { signIn } from '../helpers/start-test-server';

const PASSWORD = 'Durable-Password-1';
const servers = spawnedServers();

async function start(data: TempStore, port: number): Promise<ServerProcess> {
  const server = servers.start({ ...data.env, ADMIN_PASSWORD: PASSWORD }, port);
  await waitHealthy(server);
  return server;
}

const login = (url: string) => signIn(url, 'admin', PASSWORD);

async function getJson(url: string, headers: Record<string, string>): Promise<any> {
  const response = await fetch(url, { headers });
  expect(response.status).toBe(200);
  return response.json();
}

const today = () => dateInZone(Date.now(), 'Asia/Ho_Chi_Minh');

describe('durability', () => {
  it('keeps every acknowledged reading through kill -9', async () => {
    const data = await servers.store();
    const port = await freePort();
    const first = await start(data, port);
    const cookie = await login(first.url);
    const board = await getJson(`${first.url}/api/board`, { cookie });
    const counts = board.indicators.filter((i: { measure: string }) => i.measure === 'count').map((i: { id: number }) => i.id) as number[];

    const acknowledged: Array<{ id: number; indicatorId: number; seq: number }> = [];
    let next = 0;
    let killed = false;
    const writer = async () => {
      while (next < 2000) {
        const indicatorId = counts[next++ % counts.length]!;
        try {
          const response = await fetch(`${first.url}/api/indicators/${indicatorId}/readings`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie },
            body: JSON.stringify({ date: today(), value: 1, note: `burst ${next}` }),
          });
          if (response.status === 201) {
            const body = await response.json();
            acknowledged.push({ id: body.reading.id, indicatorId, seq: body.seq });
          }
        } catch {
          if (killed) return; // the server is gone: in-flight requests fail
        }
        if (acknowledged.length >= 150 && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, writer));
    expect(killed).toBe(true);
    expect(await first.exited).toBe(null);
    expect(acknowledged.length).toBeGreaterThanOrEqual(150);

    const second = await start(data, port);
    const again = await login(second.url);
    const present = new Set<number>();
    for (const indicatorId of counts) {
      const { readings } = await getJson(`${second.url}/api/indicators/${indicatorId}/readings?limit=10000`, { cookie: again });
      for (const reading of readings) present.add(reading.id);
    }
    const missing = acknowledged.filter((a) => !present.has(a.id));
    expect(missing).toEqual([]);
    // The change log survived with them: the board's seq covers every acknowledged change.
    const after = await getJson(`${second.url}/api/board`, { cookie: again });
    expect(after.seq).toBeGreaterThanOrEqual(Math.max(...acknowledged.map((a) => a.seq)));
  });

  it('brings a connected screen back to the board after a server restart, with no reload', async () => {
    const data = await servers.store();
    const port = await freePort();
    const first = await start(data, port);
    const cookie = await login(first.url);
    const display = await (
      await fetch(`${first.url}/api/displays`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ name: 'Phòng họp' }) })
    ).json();
    const socket = boardSocket(first.url, { token: display.token });
    const { store, stop } = connectBoardStore(socket);
    try {
      socket.connect();
      await eventually('the first snapshot', () => store.current.board !== null && store.current.connection === 'live');

      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      await eventually('the screen to notice', () => store.current.connection === 'offline');

      const second = await start(data, port);
      const again = await login(second.url);
      const target = store.current.board!.indicators.find((i) => i.code === 'KTGS-01')!;
      const posted = await fetch(`${second.url}/api/indicators/${target.id}/readings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: again },
        body: JSON.stringify({ date: today(), value: 2 }),
      });
      expect(posted.status).toBe(201);
      const { seq } = await posted.json();

      await eventually('the screen to converge', () => store.current.board?.seq === seq && store.current.connection === 'live', 15_000);
      const board = await getJson(`${second.url}/api/board`, { authorization: `Bearer ${display.token}` });
      expect(store.current.board!.indicators).toEqual(board.indicators);
      expect(store.current.offlineSince).toBeNull();
    } finally {
      stop();
    }
  });
});
