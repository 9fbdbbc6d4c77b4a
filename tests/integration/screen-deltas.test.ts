import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBoardStore, type BoardSocket } from '../../client/realtime/connect';
import type { Board, BoardIndicator } from '../../shared/api/board';
import type { IndicatorDelta } from '../../shared/realtime/delta';
import { api, startTestServer, type TestServer } from '../helpers/start-test-server';
import { boardSocket, eventually } from '../helpers/socket-client';

/*
 * Screens that receive only deltas (single and coalesced) end with exactly the board a fresh GET
 * returns, after thousands of random changes posted by concurrent writers: readings and
 * corrections of every measure, definition edits (names, targets, display order) and new
 * indicators. Random but seeded: a failure is reproducible.
 */

const CHANGES = Number(process.env.DELTA_CHANGES ?? 2000);
const WRITERS = 6;
const SCREENS = 4;

let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login();
});
afterAll(() => server.close());

/** A small seeded generator (mulberry32). */
function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (below: number) => Math.floor(next() * below), pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]! };
}

function readingBody(indicator: BoardIndicator, date: string, random: ReturnType<typeof generator>): Record<string, unknown> {
  switch (indicator.measure) {
    case 'count':
      return { date, value: random.int(4) };
    case 'percent':
      return { date, value: Math.round(random.next() * 1000) / 10 };
    case 'number':
      return { date, value: Math.round(random.next() * 10_000) / 100 - 20 };
    case 'ratio': {
      const denominator = 1 + random.int(20);
      return { date, numerator: random.int(denominator + 1), denominator };
    }
  }
}

interface Screen {
  socket: BoardSocket;
  store: ReturnType<typeof connectBoardStore>['store'];
  snapshots: number;
  resyncs: number;
  sizes: number[];
}

async function openScreen(token: string): Promise<Screen> {
  const socket = boardSocket(server.url, { token, reconnection: false });
  const { store } = connectBoardStore(socket);
  const screen: Screen = { socket, store, snapshots: 0, resyncs: 0, sizes: [] };
  socket.on('board:snapshot', () => screen.snapshots++);
  // The size (UTF-8) of each change of one indicator that touched at most two trend points (a
  // reading of this month or the last, a definition edit). A backdated reading of a running total
  // changes every later month's point, and a new indicator or a reset trend is sent whole.
  // A coalesced entry merges the changes of its indicator in the window (a rename, a new
  // description and a reading: 501 bytes for three changes, seen in CI), so it is measured only
  // when it can hold no more than one: its changes lie after the batch's `since` and up to its
  // seq, where each entry before it holds at least one other.
  const measure = (delta: IndicatorDelta, mostChanges: number) => {
    if (mostChanges === 1 && !delta.seriesReset && delta.series.length <= 2) screen.sizes.push(Buffer.byteLength(JSON.stringify(delta)));
  };
  socket.on('indicator:updated', (delta) => measure(delta, 1));
  socket.on('indicators:updated', ({ since, changes }) => changes.forEach((delta, before) => measure(delta, delta.seq - since - before)));
  socket.onAnyOutgoing((event) => {
    if (event === 'board:resync') screen.resyncs++;
  });
  socket.connect();
  await eventually('the first snapshot', () => store.current.board !== null);
  return screen;
}

/** Waits for every screen to reach the board a fresh GET returns, and returns it. */
async function screensReachBoard(screens: readonly Screen[], cookie: string): Promise<Board> {
  const { body: board } = (await api(server, 'GET', '/api/board', { cookie })) as { body: Board };
  for (const screen of screens) {
    await eventually('the screen to reach the last change', () => screen.store.current.board?.seq === board.seq, 20_000);
    expect(screen.store.current.board).toEqual({ ...board, asOf: screen.store.current.board!.asOf });
  }
  return board;
}

describe('screens fed only deltas', () => {
  it(`end with exactly the board a fresh GET returns after ${CHANGES} random changes`, async () => {
    const { body: start } = (await api(server, 'GET', '/api/board', { cookie: admin })) as { body: Board };
    const token = await server.createToken('display');
    const screens = await Promise.all(Array.from({ length: SCREENS }, () => openScreen(token)));

    const indicators = [...start.indicators];
    const readingIds: number[] = [];
    const indicatorOf = new Map<number, BoardIndicator>();
    const dates = Array.from({ length: 30 }, (_, i) => new Date(Date.parse('2026-11-28T00:00:00Z') - i * 9 * 86_400_000).toISOString().slice(0, 10));
    let planned = 0;
    const statuses = new Map<number, number>();
    const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);

    await Promise.all(
      Array.from({ length: WRITERS }, async (_, writer) => {
        const random = generator(1000 + writer);
        while (planned < CHANGES) {
          planned++;
          const roll = random.next();
          const indicator = random.pick(indicators);
          if (roll < 0.75 || readingIds.length === 0) {
            const answer = await api(server, 'POST', `/api/indicators/${indicator.id}/readings`, { body: readingBody(indicator, random.pick(dates), random), cookie: admin });
            count(answer.status);
            if (answer.status === 201) readingIds.push(answer.body.reading.id);
            if (answer.status === 201) indicatorOf.set(answer.body.reading.id, indicator);
          } else if (roll < 0.88) {
            const id = random.pick(readingIds);
            const of = indicatorOf.get(id)!;
            const answer = await api(server, 'POST', `/api/indicators/${of.id}/readings`, {
              body: { ...readingBody(of, random.pick(dates), random), supersedes: id, reason: 'Sửa số liệu' },
              cookie: admin,
            });
            count(answer.status);
            if (answer.status === 201) readingIds.push(answer.body.reading.id);
            if (answer.status === 201) indicatorOf.set(answer.body.reading.id, of);
          } else if (roll < 0.995) {
            const patch = random.pick([
              { name: `${indicator.name.split(' #')[0]} #${random.int(1000)}` },
              { description: `Mô tả ${random.int(1000)}` },
              { displayOrder: random.int(40) },
              ...(indicator.measure === 'count' && indicator.direction === 'increase' ? [{ target: indicator.baseline + 10 + random.int(50) }] : []),
            ]);
            count((await api(server, 'PATCH', `/api/indicators/${indicator.id}`, { body: patch, cookie: admin })).status);
          } else {
            const code = `MOI-${writer}${random.int(100_000)}`;
            const answer = await api(server, 'POST', `/api/terms/${start.term.id}/indicators`, {
              body: {
                code, name: `Chỉ tiêu mới ${code}`, groupId: random.pick(start.groups).id, ownerUnitId: indicator.ownerUnit.id, measure: 'count',
                aggregation: 'cumulative', direction: 'increase', baseline: 0, target: 20, updateFrequency: 'month', displayOrder: random.int(40),
              },
              cookie: admin,
            });
            count(answer.status);
            if (answer.status === 201) {
              const { body: board } = (await api(server, 'GET', '/api/board', { cookie: admin })) as { body: Board };
              const added = board.indicators.find((i) => i.code === code);
              if (added) indicators.push(added);
            }
          }
        }
      }),
    );

    // Most changes committed; a correction of an already corrected reading is refused (409), no 5xx.
    expect([...statuses.keys()].every((status) => status < 500)).toBe(true);
    expect((statuses.get(201) ?? 0) + (statuses.get(200) ?? 0)).toBeGreaterThan(CHANGES * 0.8);

    // Then one change at a time, each sent alone, of every indicator: a reading of today and one
    // of the month before, a correction, the longest rename and a new description.
    const quiet = async () => {
      const { body: now } = (await api(server, 'GET', '/api/board', { cookie: admin })) as { body: Board };
      for (const screen of screens) await eventually('the screen to reach the change', () => screen.store.current.board?.seq === now.seq);
      return now;
    };
    const random = generator(7);
    for (const { id } of indicators) {
      const indicator = (await quiet()).indicators.find((i) => i.id === id)!;
      const today = await api(server, 'POST', `/api/indicators/${id}/readings`, { body: readingBody(indicator, dates[0]!, random), cookie: admin });
      expect(today.status).toBe(201);
      await quiet();
      expect((await api(server, 'POST', `/api/indicators/${id}/readings`, { body: readingBody(indicator, '2026-10-23', random), cookie: admin })).status).toBe(201);
      await quiet();
      const correction = { ...readingBody(indicator, dates[0]!, random), supersedes: today.body.reading.id, reason: 'Sửa số liệu' };
      expect((await api(server, 'POST', `/api/indicators/${id}/readings`, { body: correction, cookie: admin })).status).toBe(201);
      for (const patch of [{ name: `${indicator.name.split(' #')[0]} #999` }, { description: 'Mô tả 999' }]) {
        await quiet();
        expect((await api(server, 'PATCH', `/api/indicators/${id}`, { body: patch, cookie: admin })).status).toBe(200);
      }
    }
    const { body: board } = (await api(server, 'GET', '/api/board', { cookie: admin })) as { body: Board };
    expect(board.seq - start.seq).toBeGreaterThan(CHANGES * 0.8);
    // The board the writes kept up (from the readings the pipeline kept) is the one computed
    // afresh from every row: an "as of" board is computed in full.
    const { body: afresh } = (await api(server, 'GET', `/api/board?asOf=${encodeURIComponent(new Date(server.clock.now()).toISOString())}`, { cookie: admin })) as { body: Board };
    expect(afresh.indicators).toEqual(board.indicators);
    await screensReachBoard(screens, admin);
    for (const screen of screens) {
      // Only deltas: the first snapshot, no resync.
      expect(screen.snapshots).toBe(1);
      expect(screen.resyncs).toBe(0);
      // At most 500 bytes a change (CONTRACT.md), a ratio with a long Vietnamese name included:
      // each indicator's five changes sent alone, and the coalesced entries that hold one change.
      const sizes = [...screen.sizes].sort((a, b) => a - b);
      expect(sizes.length).toBeGreaterThanOrEqual(indicators.length * 4);
      expect(sizes.at(-1)).toBeLessThanOrEqual(500);
      screen.socket.disconnect();
    }
  }, 180_000);

  it('follow on from their snapshot when they connect in the middle of a burst: one snapshot, no resync', async () => {
    const { body: start } = (await api(server, 'GET', '/api/board', { cookie: admin })) as { body: Board };
    const token = await server.createToken('display');
    const random = generator(99);
    let posted = 0;
    const burst = Promise.all(
      Array.from({ length: WRITERS }, async () => {
        while (posted < 600) {
          posted++;
          const indicator = random.pick(start.indicators);
          expect((await api(server, 'POST', `/api/indicators/${indicator.id}/readings`, { body: readingBody(indicator, '2026-11-20', random), cookie: admin })).status).toBe(201);
        }
      }),
    );
    // Each screen's snapshot is read while changes commit and go out: the changes between the
    // snapshot and its joining the board's room must reach it, in order, with no gap to resync on.
    const late: Screen[] = [];
    while (posted < 500) late.push(await openScreen(token));
    await burst;
    expect(late.length).toBeGreaterThan(5);
    await screensReachBoard(late, admin);
    for (const screen of late) {
      expect(screen.resyncs).toBe(0);
      expect(screen.snapshots).toBe(1);
      screen.socket.disconnect();
    }
  }, 120_000);
});
