import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Board } from '../../shared/api/board';
import { api, startTestServer, type TestServer } from '../helpers/start-test-server';
import { boardSocket, collectUpdates, connectForSnapshot, eventually } from '../helpers/socket-client';

let server: TestServer;
let admin: string;
let board: Board;

// Each test gets its own server and database: a failure leaves the next test untouched.
beforeEach(async () => {
  server = await startTestServer();
  admin = await server.login();
  board = (await api(server, 'GET', '/api/board', { cookie: admin })).body;
});
afterEach(() => server.close());

const definition = (overrides: Record<string, unknown> = {}) => ({
  code: 'CDS-05',
  name: 'Cuộc họp trực tuyến của cơ quan',
  groupId: board.groups.find((g) => g.name === 'Chuyển đổi số')!.id,
  ownerUnitId: board.indicators[0]!.ownerUnit.id,
  measure: 'percent',
  aggregation: 'latest',
  direction: 'increase',
  unit: '%',
  baseline: 40,
  target: 80,
  updateFrequency: 'quarter',
  decimals: 1,
  ...overrides,
});

async function screen() {
  const socket = boardSocket(server.url, { token: await server.createToken('display') });
  const updates = collectUpdates(socket);
  const snapshots: Board[] = [];
  socket.on('board:snapshot', (b) => snapshots.push(b));
  await connectForSnapshot(socket);
  return { socket, updates, snapshots };
}

describe('indicators', () => {
  it('creates one that every screen shows at once, and refuses a bad one', async () => {
    const tv = await screen();
    try {
      const created = await api(server, 'POST', `/api/terms/${board.term.id}/indicators`, { body: definition(), cookie: admin });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ code: 'CDS-05', current: null, status: 'no_data', target: 80 });
      await eventually('the new card on screen', () => tv.updates.some((u) => u.indicator.code === 'CDS-05'));
      expect(tv.updates.at(-1)).toMatchObject({ seq: board.seq + 1, reading: null });

      for (const [body, status, field] of [
        [definition(), 409, 'code'],
        [definition({ code: 'CDS-06', target: 140 }), 400, 'target'],
        [definition({ code: 'CDS-06', groupId: 99999 }), 400, 'groupId'],
        [definition({ code: 'cds 6' }), 400, 'code'],
        [definition({ code: 'CDS-06', aggregation: 'cumulative' }), 400, 'aggregation'],
        [definition({ code: 'CDS-06', color: 'red' }), 400, 'color'],
      ] as const) {
        const refused = await api(server, 'POST', `/api/terms/${board.term.id}/indicators`, { body, cookie: admin });
        expect({ status: refused.status, field: Object.keys(refused.body.error.fields ?? {}) }).toMatchObject({ status, field: expect.arrayContaining([field]) });
      }
      await server.createUser({ username: 'bt.ke.hoach', password: 'Bien-Tap-2026', role: 'editor', unitIds: [1] });
      const editor = await server.login('bt.ke.hoach', 'Bien-Tap-2026');
      expect((await api(server, 'POST', `/api/terms/${board.term.id}/indicators`, { body: definition({ code: 'CDS-07' }), cookie: editor })).status).toBe(403);
    } finally {
      tv.socket.disconnect();
    }
  });

  it('moves the progress on every screen when its target changes', async () => {
    const indicator = board.indicators.find((i) => i.code === 'CCHC-02')!;
    const tv = await screen();
    try {
      const changed = await api(server, 'PATCH', `/api/indicators/${indicator.id}`, { body: { target: 60 }, cookie: admin });
      expect(changed.status).toBe(200);
      expect(changed.body.target).toBe(60);
      expect(changed.body.progress).toBeGreaterThan(indicator.progress!);
      await eventually('the new target on screen', () => tv.updates.some((u) => u.indicator.id === indicator.id && u.indicator.target === 60));
      const onScreen = tv.updates.find((u) => u.indicator.id === indicator.id)!;
      expect(onScreen.indicator.progress).toBe(changed.body.progress);
      // Only what the patch names changes: the unit, description and decimals stay.
      expect(changed.body).toMatchObject({ unit: indicator.unit, description: indicator.description, decimals: indicator.decimals, milestones: indicator.milestones });
      const refused = await api(server, 'PATCH', `/api/indicators/${indicator.id}`, { body: { target: 30 }, cookie: admin });
      expect(refused.status).toBe(400);
      expect(refused.body.error.fields.target).toBeDefined();
    } finally {
      tv.socket.disconnect();
    }
  });

  it('archives instead of deleting: the readings stay, the screens drop the card', async () => {
    const indicator = board.indicators.find((i) => i.code === 'KTGS-02')!;
    const readingsBefore = (await api(server, 'GET', `/api/indicators/${indicator.id}/readings`, { cookie: admin })).body.readings.length;
    const tv = await screen();
    try {
      expect((await api(server, 'DELETE', `/api/indicators/${indicator.id}`, { cookie: admin })).status).toBe(204);
      await eventually('a snapshot without it', () => tv.snapshots.length > 1 && !tv.snapshots.at(-1)!.indicators.some((i) => i.id === indicator.id));
      expect((await api(server, 'GET', `/api/indicators/${indicator.id}/readings`, { cookie: admin })).body.readings).toHaveLength(readingsBefore);
      expect((await api(server, 'DELETE', `/api/indicators/${indicator.id}`, { cookie: admin })).status).toBe(404);
    } finally {
      tv.socket.disconnect();
    }
  });
});

describe('groups', () => {
  it('creates, renames and reorders them; screens get the new board', async () => {
    const tv = await screen();
    try {
      const created = await api(server, 'POST', `/api/terms/${board.term.id}/groups`, { body: { name: 'Dân vận' }, cookie: admin });
      expect(created.status).toBe(201);
      expect((await api(server, 'PATCH', `/api/groups/${created.body.id}`, { body: { name: 'Công tác dân vận' }, cookie: admin })).status).toBe(204);
      const order = [created.body.id, ...board.groups.map((g) => g.id)];
      expect((await api(server, 'PUT', `/api/terms/${board.term.id}/groups/order`, { body: { groupIds: order }, cookie: admin })).status).toBe(204);
      await eventually('the reordered board', () => tv.snapshots.at(-1)?.groups[0]?.name === 'Công tác dân vận');
      expect((await api(server, 'PUT', `/api/terms/${board.term.id}/groups/order`, { body: { groupIds: order.slice(1) }, cookie: admin })).status).toBe(400);
    } finally {
      tv.socket.disconnect();
    }
  });
});

describe('terms', () => {
  it('closes the current term (writes refused), carries it over to a new one and makes that current', async () => {
    const current = (await api(server, 'GET', '/api/board', { cookie: admin })).body as Board;
    const xdd01 = current.indicators.find((i) => i.code === 'XDD-01')!;
    const tv = await screen();
    try {
      const closed = await api(server, 'POST', `/api/terms/${current.term.id}/close`, { cookie: admin });
      expect(closed.body).toMatchObject({ closed: true, current: true });
      await eventually('a closed board on screen', () => tv.snapshots.at(-1)?.term.closed === true);
      const write = await api(server, 'POST', `/api/indicators/${xdd01.id}/readings`, { body: { date: '2026-11-28', value: 1 }, cookie: admin });
      expect(write.status).toBe(409);
      expect(write.body.error.code).toBe('term_closed');
      expect((await api(server, 'PATCH', `/api/indicators/${xdd01.id}`, { body: { target: 30 }, cookie: admin })).body.error.code).toBe('term_closed');

      const badTarget = await api(server, 'POST', '/api/terms', {
        body: { name: 'Nhiệm kỳ 2030–2035', start: '2030-06-01', end: '2035-05-31', carryOverFrom: current.term.id, targets: { 'CCHC-01': 50 } },
        cookie: admin,
      });
      expect(badTarget.status).toBe(400);
      expect(Object.keys(badTarget.body.error.fields)).toContain('targets.CCHC-01');
      expect((await api(server, 'GET', '/api/terms', { cookie: admin })).body.terms).toHaveLength(2);

      const next = await api(server, 'POST', '/api/terms', {
        body: { name: 'Nhiệm kỳ 2030–2035', start: '2030-06-01', end: '2035-05-31', carryOverFrom: current.term.id, targets: { 'XDD-01': 25 } },
        cookie: admin,
      });
      expect(next.status).toBe(201);
      expect(next.body).toMatchObject({ current: false, closed: false, previousTermId: current.term.id });
      const made = await api(server, 'POST', `/api/terms/${next.body.id}/current`, { cookie: admin });
      expect(made.body.current).toBe(true);
      await eventually('screens on the new term', () => tv.snapshots.at(-1)?.term.name === 'Nhiệm kỳ 2030–2035');
      const carried = tv.snapshots.at(-1)!;
      expect(carried.groups.map((g) => g.name)).toEqual(current.groups.map((g) => g.name));
      expect(carried.indicators.map((i) => i.code).sort()).toEqual(current.indicators.map((i) => i.code).sort());
      // Baselines are the closed term's final values; targets as given, else as before.
      expect(carried.indicators.find((i) => i.code === 'XDD-01')).toMatchObject({ baseline: xdd01.current, target: 25, milestones: [] });
      const cchc01 = current.indicators.find((i) => i.code === 'CCHC-01')!;
      expect(carried.indicators.find((i) => i.code === 'CCHC-01')).toMatchObject({ baseline: cchc01.current, target: cchc01.target });
      // The closed term is still there to read.
      expect((await api(server, 'GET', `/api/indicators/${xdd01.id}/readings`, { cookie: admin })).status).toBe(200);

      const actions = (await api(server, 'GET', '/api/audit?entity=term', { cookie: admin })).body.entries.map((e: { action: string }) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['term.closed', 'term.created', 'term.made_current']));
    } finally {
      tv.socket.disconnect();
    }
  });
});
