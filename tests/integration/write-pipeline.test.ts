import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_MAX_ROWS, importPreviewSchema } from '../../shared/api/imports';
import type { IndicatorDelta } from '../../shared/realtime/delta';
import type { BoardSocket } from '../../client/realtime/connect';
import { uploadFile } from '../helpers/multipart';
import { boardSocket, connectForSnapshot, eventually } from '../helpers/socket-client';
import { sqlRows } from '../helpers/sql';
import { api, startTestServer, type TestServer } from '../helpers/start-test-server';

interface BoardIndicatorLite {
  id: number;
  code: string;
  measure: string;
}

/** A screen that remembers the highest `seq` it was told about, by an update or a snapshot. */
function screen(server: TestServer, token: string) {
  const socket: BoardSocket = boardSocket(server.url, { token });
  const seen = { seq: 0, updates: [] as IndicatorDelta[], snapshots: 0 };
  socket.on('board:snapshot', (board) => {
    seen.snapshots++;
    seen.seq = Math.max(seen.seq, board.seq);
  });
  const take = (update: IndicatorDelta) => {
    seen.updates.push(update);
    seen.seq = Math.max(seen.seq, update.seq);
  };
  socket.on('indicator:updated', take);
  socket.on('indicators:updated', ({ changes }) => changes.forEach(take));
  return { socket, seen };
}

const boardOf = async (server: TestServer, cookie: string) => (await api(server, 'GET', '/api/board', { cookie })).body as { seq: number; term: { id: number }; indicators: BoardIndicatorLite[] };
const readingCount = async (server: TestServer) => (await sqlRows<{ n: number }>(server.db, sql`select cast(count(*) as integer) as n from readings`))[0]!.n;

describe('every kind of change goes through the one pipeline: numbered, logged, audited, published', () => {
  let server: TestServer;
  let admin: string;
  let watcher: ReturnType<typeof screen>;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login();
    watcher = screen(server, await server.createToken('display'));
    await connectForSnapshot(watcher.socket);
  });
  afterAll(async () => {
    watcher.socket.disconnect();
    await server.close();
  });

  /** Runs `change` and checks that it took `count` seqs of the board, logged as `kinds`, audited as `action`, and reached the screen. */
  async function expectThroughPipeline(change: () => Promise<{ status: number }>, expected: { count: number; kinds: string[]; action: string; snapshot?: boolean }) {
    const before = await boardOf(server, admin);
    const snapshotsBefore = watcher.seen.snapshots;
    const answer = await change();
    expect(answer.status).toBeLessThan(300);
    const after = await boardOf(server, admin);
    expect(after.seq).toBe(before.seq + expected.count);
    const logged = await sqlRows<{ kind: string; seq: number }>(
      server.db,
      sql`select kind, seq from changes where term_id = ${before.term.id} and seq > ${before.seq} order by seq`,
    );
    expect(logged.map((row) => row.kind)).toEqual(expected.kinds);
    const [audited] = await sqlRows<{ action: string }>(server.db, sql`select action from audit_log order by id desc limit 1`);
    expect(audited?.action).toBe(expected.action);
    await eventually(`the screen at seq ${after.seq}`, () => watcher.seen.seq === after.seq);
    if (expected.snapshot) expect(watcher.seen.snapshots).toBeGreaterThan(snapshotsBefore);
    else expect(watcher.seen.updates.filter((u) => u.seq > before.seq).map((u) => u.seq)).toEqual(logged.map((row) => row.seq));
  }

  it('a reading and a correction', async () => {
    const board = await boardOf(server, admin);
    const count = board.indicators.find((i) => i.measure === 'count')!;
    let readingId = 0;
    await expectThroughPipeline(
      async () => {
        const posted = await api(server, 'POST', `/api/indicators/${count.id}/readings`, { cookie: admin, body: { date: '2026-11-27', value: 3 } });
        readingId = posted.body.reading.id;
        return posted;
      },
      { count: 1, kinds: ['reading'], action: 'reading.created' },
    );
    await expectThroughPipeline(
      () => api(server, 'POST', `/api/indicators/${count.id}/readings`, { cookie: admin, body: { date: '2026-11-27', value: 4, supersedes: readingId, reason: 'Gõ nhầm' } }),
      { count: 1, kinds: ['correction'], action: 'reading.corrected' },
    );
  });

  it('an import of readings', async () => {
    const board = await boardOf(server, admin);
    const counts = board.indicators.filter((i) => i.measure === 'count').slice(0, 2);
    const csv = ['code,date,value,numerator,denominator,note,evidence', `${counts[0]!.code},2026-11-20,7,,,,`, `${counts[1]!.code},2026-11-21,8,,,,`].join('\n');
    const preview = importPreviewSchema.parse((await uploadFile(`${server.url}/api/imports`, 'so-lieu.csv', csv, { cookie: admin })).body);
    await expectThroughPipeline(() => api(server, 'POST', `/api/imports/${preview.id}/commit`, { cookie: admin }), {
      count: 2,
      kinds: ['reading', 'reading'],
      action: 'import.committed',
    });
  });

  it('plan edits: an indicator changed, a group added', async () => {
    const board = await boardOf(server, admin);
    await expectThroughPipeline(() => api(server, 'PATCH', `/api/indicators/${board.indicators[0]!.id}`, { cookie: admin, body: { name: 'Tên mới của chỉ tiêu' } }), {
      count: 1,
      kinds: ['indicator'],
      action: 'indicator.updated',
    });
    await expectThroughPipeline(() => api(server, 'POST', `/api/terms/${board.term.id}/groups`, { cookie: admin, body: { name: 'Nhóm mới' } }), {
      count: 1,
      kinds: ['group'],
      action: 'group.created',
      snapshot: true,
    });
  });

  it('a unit merge', async () => {
    const units = (await api(server, 'GET', '/api/units', { cookie: admin })).body.units as Array<{ id: number; parentId: number | null }>;
    const branches = units.filter((u) => u.parentId !== null).slice(0, 2);
    await expectThroughPipeline(
      () => api(server, 'POST', '/api/units/merge', { cookie: admin, body: { unitIds: branches.map((u) => u.id), into: { name: 'Chi bộ hợp nhất' } } }),
      { count: 1, kinds: ['term'], action: 'unit.merged', snapshot: true },
    );
  });

  it('concurrent writes sharing one commit: each refused one rolls back alone, the others take consecutive seqs', async () => {
    const before = await boardOf(server, admin);
    const count = before.indicators.find((i) => i.measure === 'count')!;
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        api(server, 'POST', `/api/indicators/${count.id}/readings`, {
          cookie: admin,
          // Every fifth corrects a reading that does not exist: refused inside its unit of work.
          body: i % 5 === 0 ? { date: '2026-11-26', value: i, supersedes: 999_999, reason: 'x' } : { date: '2026-11-26', value: i },
        }),
      ),
    );
    expect(answers.filter((a) => a.status === 400).length).toBe(8);
    const seqs = answers.flatMap((a) => (a.status === 201 ? [a.body.seq as number] : [])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 32 }, (_, i) => before.seq + 1 + i));
    const written = await sqlRows<{ n: number }>(server.db, sql`select cast(count(*) as integer) as n from readings where indicator_id = ${count.id} and date = '2026-11-26'`);
    expect(written[0]!.n).toBe(32);
    await eventually('the screen at the last of them', () => watcher.seen.seq === before.seq + 32);
  });

  it('a change refused by its checks writes nothing, logs nothing and sends nothing', async () => {
    const before = await boardOf(server, admin);
    const updates = watcher.seen.updates.length;
    const refused = await api(server, 'POST', `/api/indicators/${before.indicators[0]!.id}/readings`, { cookie: admin, body: { date: '2031-01-01', value: 1 } });
    expect(refused.status).toBe(400);
    expect((await boardOf(server, admin)).seq).toBe(before.seq);
    expect(watcher.seen.updates.length).toBe(updates);
  });
});

describe('a reading racing the closing of its term', () => {
  let server: TestServer;
  let admin: string;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login();
  });
  afterAll(() => server.close());

  it('is refused, or committed before the close: never after it', async () => {
    const board = await boardOf(server, admin);
    const counts = board.indicators.filter((i) => i.measure === 'count');
    const post = (i: number) => api(server, 'POST', `/api/indicators/${counts[i % counts.length]!.id}/readings`, { cookie: admin, body: { date: '2026-11-27', value: 100 + i } });
    // Readings keep coming before, while and after the close is asked for.
    const early = Array.from({ length: 30 }, (_, i) => post(i));
    const close = api(server, 'POST', `/api/terms/${board.term.id}/close`, { cookie: admin });
    const late = Array.from({ length: 30 }, (_, i) => post(30 + i));
    const answers = await Promise.all([...early, ...late]);
    expect((await close).status).toBe(200);

    const [closing] = await sqlRows<{ seq: number }>(server.db, sql`select seq from changes where term_id = ${board.term.id} and kind = 'term' order by seq desc limit 1`);
    for (const answer of answers) {
      if (answer.status === 201) expect(answer.body.seq).toBeLessThan(closing!.seq);
      else expect([answer.status, answer.body.error.code]).toEqual([409, 'term_closed']);
    }
    const after = await sqlRows<{ n: number }>(
      server.db,
      sql`select cast(count(*) as integer) as n from changes where term_id = ${board.term.id} and seq > ${closing!.seq}`,
    );
    expect(after[0]!.n).toBe(0);
    // Every reading written is one that was answered 201.
    const written = await sqlRows<{ n: number }>(server.db, sql`select cast(count(*) as integer) as n from changes where term_id = ${board.term.id} and seq > ${board.seq} and kind = 'reading'`);
    expect(written[0]!.n).toBe(answers.filter((a) => a.status === 201).length);
  });
});

describe('an import of 10,000 rows', () => {
  let server: TestServer;
  let admin: string;
  let counts: BoardIndicatorLite[];
  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login();
    counts = (await boardOf(server, admin)).indicators.filter((i) => i.measure === 'count');
  });
  afterAll(() => server.close());

  /** 10,000 distinct readings of the count indicators, dated over the term so far. */
  function bigCsv(rows: number, offset = 0): string {
    const lines = ['code,date,value,numerator,denominator,note,evidence'];
    const start = Date.parse('2025-06-01T00:00:00Z');
    for (let i = 0; i < rows; i++) {
      const date = new Date(start + (i % 500) * 86_400_000).toISOString().slice(0, 10);
      lines.push(`${counts[i % counts.length]!.code},${date},${offset + i},,,Nhập hàng loạt,`);
    }
    return lines.join('\n');
  }

  const preview = async (csv: string) => importPreviewSchema.parse((await uploadFile(`${server.url}/api/imports`, 'lon.csv', csv, { cookie: admin })).body);

  it('commits nothing when a row has become wrong since the preview', async () => {
    const checked = await preview(bigCsv(10_000));
    expect(checked.counts).toEqual({ new: 10_000, duplicate: 0, error: 0 });
    // The indicator of the file's last rows leaves the plan between the preview and the commit.
    expect((await api(server, 'DELETE', `/api/indicators/${counts.at(-1)!.id}`, { cookie: admin })).status).toBe(204);
    const readings = await readingCount(server);
    const seq = (await boardOf(server, admin)).seq;
    const commit = await api(server, 'POST', `/api/imports/${checked.id}/commit`, { cookie: admin });
    expect([commit.status, commit.body.error.code]).toEqual([400, 'validation_failed']);
    expect(await readingCount(server)).toBe(readings);
    expect((await boardOf(server, admin)).seq).toBe(seq);
    counts = counts.slice(0, -1);
  });

  it(`takes a file at the row cap (${IMPORT_MAX_ROWS.toLocaleString('en')} rows), every row checked and committed`, async () => {
    const checked = await preview(bigCsv(IMPORT_MAX_ROWS, 2_000_000));
    expect(checked.counts).toEqual({ new: IMPORT_MAX_ROWS, duplicate: 0, error: 0 });
    const readings = await readingCount(server);
    const seq = (await boardOf(server, admin)).seq;
    const commit = await api(server, 'POST', `/api/imports/${checked.id}/commit`, { cookie: admin });
    expect([commit.status, commit.body]).toEqual([200, { imported: IMPORT_MAX_ROWS, skipped: 0, seq: seq + IMPORT_MAX_ROWS }]);
    expect(await readingCount(server)).toBe(readings + IMPORT_MAX_ROWS);
  });

  it('commits all 10,000 in one go, once, and screens end at its last seq with the board a fresh GET returns', async () => {
    const watcher = screen(server, await server.createToken('display'));
    await connectForSnapshot(watcher.socket);
    const checked = await preview(bigCsv(10_000, 1_000_000));
    expect(checked.counts.new).toBe(10_000);
    const readings = await readingCount(server);
    const seq = (await boardOf(server, admin)).seq;
    // The same import committed twice at once: one commit writes, the other is refused.
    const commits = await Promise.all([1, 2].map(() => api(server, 'POST', `/api/imports/${checked.id}/commit`, { cookie: admin })));
    expect(commits.map((c) => c.status).sort()).toEqual([200, 409]);
    const done = commits.find((c) => c.status === 200)!.body;
    expect(done).toEqual({ imported: 10_000, skipped: 0, seq: seq + 10_000 });
    expect(await readingCount(server)).toBe(readings + 10_000);
    await eventually('the screen at the import’s last seq', () => watcher.seen.seq === seq + 10_000, 30_000);
    // Each indicator's last delta carries the state a fresh board shows (the trend's points are
    // checked delta by delta in screen-deltas.test.ts).
    const fresh = (await api(server, 'GET', '/api/board', { cookie: admin })).body as { indicators: Array<{ id: number; current: number | null; status: string }> };
    const last = new Map(watcher.seen.updates.map((u) => [u.indicator.id, u.indicator]));
    for (const indicator of fresh.indicators.filter((i) => last.has(i.id))) {
      const sent = last.get(indicator.id)!;
      expect({ id: indicator.id, current: sent.current, status: sent.status }).toEqual({ id: indicator.id, current: indicator.current, status: indicator.status });
    }
    watcher.socket.disconnect();
  });
});
