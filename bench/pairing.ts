/**
 * What pairing by code costs now that the pairings are rows of the database (SQLite, the default):
 * a screen asking for a code (a write), a waiting screen's once-a-second question (a read), an
 * admin pairing and the screen taking its token (writes), over HTTP on loopback, each run by 8
 * clients at once. The baseline of the same run: GET /api/health, which reads the database once.
 * `npm run bench:pairing`; figures go to docs/performance.md.
 */
import type { AddressInfo } from 'node:net';
import { createApp } from '../server/app';
import { seedDemo } from '../server/seed/seed';
import { signIn } from '../tests/helpers/start-test-server';
import { benchDatabase } from './database';
import { printTable, summary } from './stats';

const CONCURRENCY = 8;
const WAITING = 1000;
const POLLS = 4000;
const PAIRED = 200;
const PASSWORD = 'Bench-Password-1';

const temp = await benchDatabase();
const clock = { now: () => Date.now() };
await seedDemo(temp.db, clock.now(), 'Asia/Ho_Chi_Minh');
const app = await createApp({ db: temp.db, clock, timeZone: 'Asia/Ho_Chi_Minh', logLevel: 'silent', dataDir: temp.dir });
await app.auth.ensureFirstAdmin('admin', PASSWORD);
await app.http.listen({ port: 0, host: '127.0.0.1' });
const url = `http://127.0.0.1:${(app.http.server.address() as AddressInfo).port}`;
const admin = await signIn(url, 'admin', PASSWORD);

async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<any> {
  const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  if (response.status >= 300) throw new Error(`${path} answered ${response.status}`);
  return response.json();
}

/** Runs `count` requests, `CONCURRENCY` at a time; each one's duration (ms), and the requests a second. */
async function timed(count: number, request: (i: number) => Promise<unknown>): Promise<{ samples: number[]; perSecond: number }> {
  const samples: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < count; i = next++) {
        const at = performance.now();
        await request(i);
        samples.push(performance.now() - at);
      }
    }),
  );
  return { samples, perSecond: count / ((performance.now() - started) / 1000) };
}

// Each screen asks from an address of its own (the per-address limit is 60 a minute).
const address = (i: number) => ({ 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` });
const rows: Array<ReturnType<typeof summary>> = [];
const rates: string[] = [];
function record(label: string, run: { samples: number[]; perSecond: number }): void {
  rows.push(summary(label, run.samples));
  rates.push(`${label}: ${run.perSecond.toFixed(0)} a second`);
}

// Warm-up: the routes' first requests compile their handlers and statements.
await timed(200, () => fetch(`${url}/api/health`).then((response) => response.text()));
record('baseline: GET /api/health', await timed(POLLS, () => fetch(`${url}/api/health`).then((response) => response.text())));
const screens: Array<{ code: string; secret: string }> = [];
const askForCode = async (i: number) => {
  const { code, secret } = await post('/api/displays/pairings', {}, address(i));
  screens.push({ code, secret });
};
record(`a code asked for (${WAITING} screens waiting at the end)`, await timed(WAITING, askForCode));
record(`a waiting screen's question (${WAITING} waiting)`, await timed(POLLS, (i) => post('/api/displays/pairings/claim', screens[i % WAITING])));
record('an admin pairs a code', await timed(PAIRED, (i) => post('/api/displays/pair', { code: screens[i]!.code, name: `Màn hình ${i}` }, { cookie: admin })));
record('the paired screen takes its token', await timed(PAIRED, (i) => post('/api/displays/pairings/claim', screens[i])));

await app.close();
await temp.remove();
printTable(rows);
for (const line of rates) console.log(line);
