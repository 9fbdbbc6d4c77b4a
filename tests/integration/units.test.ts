import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Board } from '../../shared/api/board';
import { unitDetailListSchema } from '../../shared/api/units';
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

const units = async () => unitDetailListSchema.parse((await api(server, 'GET', '/api/units', { cookie: admin })).body).units;
const boardNow = async (): Promise<Board> => (await api(server, 'GET', '/api/board', { cookie: admin })).body;

describe('units through a reorganisation', () => {
  it('renames a unit: the board shows the new name at once, a past board and the history the old one', async () => {
    const before = await boardNow();
    const indicator = before.indicators.find((i) => i.code === 'CCHC-01')!;
    const old = indicator.ownerUnit;
    const socket = boardSocket(server.url, { token: await server.createToken('display') });
    const snapshots: Board[] = [];
    socket.on('board:snapshot', (b) => snapshots.push(b));
    await connectForSnapshot(socket);
    try {
      const asOfBefore = new Date(server.clock.now()).toISOString();
      server.clock.advance(60_000);
      const renamed = await api(server, 'PATCH', `/api/units/${old.id}`, { body: { name: 'Chi bộ Trung tâm Phục vụ hành chính công tỉnh' }, cookie: admin });
      expect(renamed.status).toBe(200);
      expect(renamed.body.formerNames[0]).toMatchObject({ name: old.name });
      await eventually('the new name on screen', () => snapshots.at(-1)?.indicators.find((i) => i.id === indicator.id)?.ownerUnit.name === 'Chi bộ Trung tâm Phục vụ hành chính công tỉnh');
      const then = (await api(server, 'GET', `/api/board?asOf=${encodeURIComponent(asOfBefore)}`, { cookie: admin })).body as Board;
      expect(then.indicators.find((i) => i.id === indicator.id)!.ownerUnit.name).toBe(old.name);
    } finally {
      socket.disconnect();
      server.clock.advance(-60_000);
    }
  });

  it('moves a unit in the tree, never under itself', async () => {
    const all = await units();
    const root = all.find((u) => u.parentId === null)!;
    const branch = all.find((u) => u.parentId === root.id)!;
    const created = (await api(server, 'POST', '/api/units', { body: { name: 'Tổ công tác', parentId: branch.id }, cookie: admin })).body;
    expect(created.parentId).toBe(branch.id);
    expect((await api(server, 'PATCH', `/api/units/${created.id}`, { body: { parentId: root.id }, cookie: admin })).body.parentId).toBe(root.id);
    const cycle = await api(server, 'PATCH', `/api/units/${root.id}`, { body: { parentId: created.id }, cookie: admin });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.fields.parentId).toBe('cycle');
  });

  it('merges two branches with readings and users: nothing lost, scopes moved, history kept', async () => {
    const board = await boardNow();
    const [a, b] = [board.indicators.find((i) => i.code === 'CDS-01')!.ownerUnit, board.indicators.find((i) => i.code === 'CCHC-03')!.ownerUnit];
    expect(a.id).not.toBe(b.id);
    const owned = board.indicators.filter((i) => i.ownerUnit.id === a.id || i.ownerUnit.id === b.id);
    const readingsBefore = new Map<number, number>();
    for (const indicator of owned) {
      readingsBefore.set(indicator.id, (await api(server, 'GET', `/api/indicators/${indicator.id}/readings?limit=10000`, { cookie: admin })).body.readings.length);
    }
    // Every term's indicators move, the closed term's too.
    const [counted] = await sqlRows<{ n: number }>(server.db, sql`select cast(count(*) as integer) as n from indicators where owner_unit_id in (${a.id}, ${b.id})`);
    const ownedInAllTerms = counted!.n;
    expect(ownedInAllTerms).toBeGreaterThan(owned.length);
    await server.createUser({ username: 'bt.chuyen.doi.so', password: 'Chuyen-Doi-So-1', role: 'editor', unitIds: [a.id] });
    const editor = await server.login('bt.chuyen.doi.so', 'Chuyen-Doi-So-1');
    const token = await server.createToken('api', { unitIds: [b.id] });

    const merged = await api(server, 'POST', '/api/units/merge', {
      body: { unitIds: [a.id, b.id], into: { name: 'Chi bộ Chuyển đổi số và Tổng hợp', parentId: null } },
      cookie: admin,
    });
    expect(merged.status).toBe(200);
    const into = merged.body.unit.id as number;

    const after = await boardNow();
    for (const indicator of owned) {
      expect(after.indicators.find((i) => i.id === indicator.id)!.ownerUnit).toEqual({ id: into, name: 'Chi bộ Chuyển đổi số và Tổng hợp' });
      const readings = (await api(server, 'GET', `/api/indicators/${indicator.id}/readings?limit=10000`, { cookie: admin })).body.readings.length;
      expect(readings).toBe(readingsBefore.get(indicator.id));
    }
    // The editor of A and the token of B now write for the merged unit's indicators.
    expect((await api(server, 'GET', '/api/session', { cookie: editor })).body.user.unitIds).toEqual([into]);
    const cchc03 = owned.find((i) => i.code === 'CCHC-03')!;
    expect((await api(server, 'POST', `/api/indicators/${cchc03.id}/readings`, { body: { date: '2026-11-28', value: 1 }, cookie: editor })).status).toBe(201);
    expect((await api(server, 'POST', `/api/indicators/${owned.find((i) => i.code === 'CDS-01')!.id}/readings`, { body: { date: '2026-11-28', value: 99.8 }, token })).status).toBe(201);

    const list = await units();
    expect(list.find((u) => u.id === a.id)).toMatchObject({ mergedIntoId: into });
    expect(list.find((u) => u.id === b.id)).toMatchObject({ mergedIntoId: into });
    const refused = await api(server, 'PATCH', `/api/units/${a.id}`, { body: { name: 'x' }, cookie: admin });
    expect(refused.status).toBe(409);
    const audit = (await api(server, 'GET', '/api/audit?action=unit.merged', { cookie: admin })).body.entries[0];
    expect(audit.before.map((u: { id: number }) => u.id).sort()).toEqual([a.id, b.id].sort());
    expect(audit.after.moved).toMatchObject({ indicators: ownedInAllTerms, memberships: 1, tokens: 1 });
  });

  it('is for admins; bad requests change nothing', async () => {
    await server.createUser({ username: 'chi.xem', password: 'Chi-Xem-2026', role: 'viewer' });
    const viewer = await server.login('chi.xem', 'Chi-Xem-2026');
    expect((await api(server, 'POST', '/api/units', { body: { name: 'x' }, cookie: viewer })).status).toBe(403);
    expect((await api(server, 'POST', '/api/units/merge', { body: { unitIds: [2, 3], into: { unitId: 1 } }, cookie: viewer })).status).toBe(403);
    const lone = (await api(server, 'POST', '/api/units', { body: { name: 'Tổ lẻ' }, cookie: admin })).body.id;
    expect((await api(server, 'POST', '/api/units/merge', { body: { unitIds: [lone], into: { unitId: lone } }, cookie: admin })).status).toBe(400);
    expect((await api(server, 'POST', '/api/units/merge', { body: { unitIds: [lone], into: { name: 'Mới' } }, cookie: admin })).status).toBe(400);
    // Into a unit below a merged one, or a new unit below one: a unit would be its own ancestor.
    const child = (await api(server, 'POST', '/api/units', { body: { name: 'Tổ con', parentId: lone }, cookie: admin })).body.id;
    const other = (await api(server, 'POST', '/api/units', { body: { name: 'Tổ khác' }, cookie: admin })).body.id;
    const below = await api(server, 'POST', '/api/units/merge', { body: { unitIds: [lone, other], into: { unitId: child } }, cookie: admin });
    expect(below.status).toBe(400);
    expect(below.body.error.fields.into).toBe('cycle');
    const under = await api(server, 'POST', '/api/units/merge', { body: { unitIds: [lone, other], into: { name: 'Mới', parentId: child } }, cookie: admin });
    expect(under.body.error.fields['into.parentId']).toBe('cycle');
    expect((await api(server, 'POST', '/api/units/merge', { body: { unitIds: [999], into: { unitId: 1 } }, cookie: admin })).status).toBe(400);
  });
});
