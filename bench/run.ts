/**
 * GET /api/board for the demo board and for a large generated board (300 indicators, five years
 * of weekly readings), p50/p99 over 200 requests each, against a raw better-sqlite3 query of the
 * same reading rows measured in the same run; then the weekly export (bench/export.ts).
 * `npm run bench`; figures go to docs/performance.md.
 */
import BetterSqlite3 from 'better-sqlite3';
import type { AddressInfo } from 'node:net';
import { createApp } from '../server/app';
import type { Clock } from '../server/clock';
import type { Database } from '../server/db/database';
import { seedDemo } from '../server/seed/seed';
import { benchDatabase } from './database';
import { benchExport } from './export';
import { seedLargeBoard } from './large-board';
import { printTable, summary, timeEach } from './stats';

const REQUESTS = 200;
const ADMIN = { username: 'admin', password: 'Bench-Password-1' };

async function boardServer(clock: Clock, seed: (db: Database) => Promise<unknown>) {
  const temp = await benchDatabase();
  await seed(temp.db);
  const app = await createApp({ db: temp.db, clock, timeZone: 'Asia/Ho_Chi_Minh', logLevel: 'silent', dataDir: temp.dir });
  await app.auth.ensureFirstAdmin(ADMIN.username, ADMIN.password);
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.http.server.address() as AddressInfo).port}`;
  const login = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  const getBoard = async () => {
    const response = await fetch(`${url}/api/board`, { headers: { cookie } });
    if (response.status !== 200) throw new Error(`board answered ${response.status}`);
    return response.text();
  };
  return { temp, app, url, cookie, getBoard };
}

const rows = [];

{
  const clock = { now: () => Date.now() };
  const demo = await boardServer(clock, (db) => seedDemo(db, clock.now(), 'Asia/Ho_Chi_Minh'));
  const size = (await demo.getBoard()).length;
  rows.push(summary(`demo board (15 indicators, ${Math.round(size / 1024)} KiB)`, await timeEach(REQUESTS, demo.getBoard)));
  await demo.app.close();
  await demo.temp.remove();
}

{
  const clock = { now: () => Date.parse('2029-12-31T10:00:00+07:00') };
  let readings = 0;
  const large = await boardServer(clock, async (db) => (readings = (await seedLargeBoard(db)).readings));
  // The baseline reads the same file through its own connection, as the server's reads do.
  const sqlite = new BetterSqlite3(large.temp.file, { readonly: true });
  const raw = sqlite.prepare(
    `select r.indicator_id, r.id, r.date, r.value, r.numerator, r.denominator, r.created_at, r.supersedes_id
       from readings r join indicators i on i.id = r.indicator_id
      where i.term_id = (select id from terms where is_current = 1) and i.archived_at is null`,
  );
  rows.push(summary(`baseline: raw better-sqlite3 query of the ${readings} rows`, await timeEach(REQUESTS, () => raw.all())));
  const size = (await large.getBoard()).length;
  rows.push(summary(`large board, unchanged (300 indicators, ${readings} readings, ${Math.round(size / 1024)} KiB)`, await timeEach(REQUESTS, large.getBoard)));

  // After each reading: the first GET recomputes the one changed indicator.
  const ids = (JSON.parse(await large.getBoard()) as { indicators: Array<{ id: number; measure: string }> }).indicators
    .filter((i) => i.measure === 'count')
    .map((i) => i.id);
  const afterWrite: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const id = ids[i % ids.length]!;
    const posted = await fetch(`${large.url}/api/indicators/${id}/readings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: large.cookie },
      body: JSON.stringify({ date: '2029-12-31', value: 1 }),
    });
    if (posted.status !== 201) throw new Error(`reading answered ${posted.status}`);
    afterWrite.push(...(await timeEach(1, large.getBoard)));
  }
  rows.push(summary('large board, first GET after a reading (one indicator recomputed)', afterWrite));

  // What the cache saves: every indicator from the rows, as on the first request of a day.
  rows.push(summary('large board, full recompute in-process (first request of a day)', await timeEach(50, () => large.app.boards.board(clock.now()))));
  sqlite.close();
  await large.app.close();
  await large.temp.remove();
}

printTable(rows);

console.log('');
for (const line of await benchExport()) console.log(line);
