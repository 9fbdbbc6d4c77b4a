import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { api, startTestServer, TestClock, type TestServer } from '../helpers/start-test-server';
import { eventually } from '../helpers/socket-client';
import { sqlRows } from '../helpers/sql';
import { CLIENT_DIR } from './browser-suite';

const servers: TestServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.close();
});

// cast: PostgreSQL's slot is a bigint, which node-postgres reads as a string.
const scheduled = (server: TestServer) =>
  sqlRows<{ id: number; slot: number; status: string }>(server.db, sql`select id, cast(slot as double precision) as slot, status from exports where kind = 'scheduled' order by slot`);

describe('the export schedule', () => {
  it('fires once per slot, catches up a slot missed while down, and never twice across a restart', async () => {
    const server = await startTestServer({
      clock: new TestClock('real'),
      clientDir: CLIENT_DIR,
      exportSchedule: { cron: '*/4 * * * * *', timeZone: 'Asia/Ho_Chi_Minh', retentionWeeks: 104 },
    });
    servers.push(server);
    await server.app.startSchedule();
    await eventually('two scheduled slots', async () => (await scheduled(server)).length >= 2, 20_000);

    await server.stop();
    const stoppedAt = Date.now();
    // Down across at least one slot.
    await new Promise((r) => setTimeout(r, 4500));
    await server.restart();
    await server.app.startSchedule();
    const lastMissed = Math.floor((Date.now() - 1) / 4000) * 4000;
    expect(lastMissed).toBeGreaterThan(stoppedAt);
    // Caught up at start, once.
    await eventually('the missed slot', async () => (await scheduled(server)).some((e) => e.slot === lastMissed), 5_000);
    await eventually('one more slot', async () => (await scheduled(server)).some((e) => e.slot > lastMissed), 10_000);
    // A second start of the schedule on the same database (another node) adds nothing for a slot already taken.
    expect(await server.app.exports.scheduleSlot(lastMissed)).toBe(false);

    const rows = await scheduled(server);
    const slots = rows.map((r) => r.slot);
    expect(new Set(slots).size).toBe(slots.length);
    for (const slot of slots) expect(slot % 4000).toBe(0);
    // Slots missed while down, other than the last, are not run: one catch-up, not a flood.
    const during = slots.filter((slot) => slot > stoppedAt && slot < lastMissed);
    expect(during).toEqual([]);
    // A slot's export is rendered like any other. One is enough to show it: the slots' backlog is
    // given back when the server closes, rather than waited for (the schedule is what is tested here).
    await eventually('a scheduled export rendered', async () => (await scheduled(server)).some((e) => e.status === 'done'), 60_000);
  }, 120_000);
});

describe('retention', () => {
  it('removes exports, files and all, older than the retention', async () => {
    const server = await startTestServer({
      clock: new TestClock('real'),
      clientDir: CLIENT_DIR,
      exportSchedule: { cron: '0 7 * * 1', timeZone: 'Asia/Ho_Chi_Minh', retentionWeeks: 1 },
    });
    servers.push(server);
    const admin = await server.login();
    const recent = (await api(server, 'POST', '/api/exports', { body: {}, cookie: admin })).body.id;
    await server.app.exports.idle();
    const kept = (await api(server, 'GET', `/api/exports/${recent}`, { cookie: admin })).body;
    expect(kept.status).toBe('done');
    const folder = join(server.dir, 'exports', kept.week, String(recent));
    expect(existsSync(folder)).toBe(true);

    // Made today "as of" an old date: kept. Retention counts from when an export was made.
    const asOfOld = (await api(server, 'POST', '/api/exports', { body: { asOf: new Date(Date.now() - 30 * 24 * 60 * 60 * 1000).toISOString() }, cookie: admin })).body.id;
    await server.app.exports.idle();
    expect((await api(server, 'GET', `/api/exports/${asOfOld}`, { cookie: admin })).body.status).toBe('done');

    // Eight days on, with a one-week retention, the next export prunes both.
    server.clock.advance(8 * 24 * 60 * 60 * 1000);
    const later = (await api(server, 'POST', '/api/exports', { body: {}, cookie: await server.login() })).body.id;
    await server.app.exports.idle();
    const listed = (await api(server, 'GET', '/api/exports', { cookie: await server.login() })).body.exports.map((e: { id: number }) => e.id);
    expect(listed).toEqual([later]);
    expect(existsSync(folder)).toBe(false);
  }, 120_000);
});
