/**
 * Two server builds side by side, for a change whose gain is smaller than this machine's drift
 * (its speed moves up to 3× within an hour: docs/performance.md). Both servers run at once, each
 * on a fresh SQLite store with the demo term; 8 posters write readings of today to one, then the
 * other, in alternating rounds, so a slow minute costs both alike. Printed per build: readings/s,
 * and the server's CPU time a reading, the whole process and its main thread (what bounds the
 * rate: the event loop is one thread).
 *
 *   npm run build && cp -r dist/server dist/compare/before    # on the commit before
 *   npm run build && cp -r dist/server dist/compare/after     # with the change
 *   npm run bench:compare -- dist/compare/before dist/compare/after
 *
 * The builds must be inside the project (their imports resolve from its node_modules).
 * COMPARE_ROUNDS (default 10) and COMPARE_READINGS (a round's readings per build, default 2000);
 * COMPARE_SCREENS connects that many screens to each server (a display token, a process of them
 * per server, as bench:screens does), for a change to delivery.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort, tempStore, waitHealthy, type ServerProcess, type TempStore } from '../tests/helpers/server-process';
import { signIn } from '../tests/helpers/start-test-server';
import { dateInZone } from '../shared/time/dates';
import { cpuMs } from './cpu';
import { displayToken } from './display-token';
import { httpPoster } from './http-poster';
import { screensProcess } from './screens';

const ROUNDS = Number(process.env.COMPARE_ROUNDS ?? 10);
const READINGS = Number(process.env.COMPARE_READINGS ?? 2000);
const WARM_UP = 1500;
const POSTERS = 8;
const PASSWORD = 'Bench-Compare-2026';
const SCREENS = Number(process.env.COMPARE_SCREENS ?? 0);

interface Build {
  dir: string;
  server: ServerProcess;
  store: TempStore;
  post(n: number): Promise<void>;
  close(): Promise<void>;
  measured: { readings: number; ms: number; cpu: number; mainCpu: number };
}

async function start(dir: string): Promise<Build> {
  const entry = join(resolve(dir), 'index.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: give a copy of dist/server`);
  const store = await tempStore();
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [entry], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ADMIN_PASSWORD: PASSWORD, ...store.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const server: ServerProcess = { child, url: `http://127.0.0.1:${port}`, output: () => output, exited: new Promise((done) => child.once('exit', done)) };
  await waitHealthy(server, 60_000);
  const cookie = await signIn(server.url, 'admin', PASSWORD);
  const board = (await (await fetch(`${server.url}/api/board`, { headers: { cookie } })).json()) as { term: { end: string }; indicators: Array<{ id: number; measure: string }> };
  const counts = board.indicators.filter((indicator) => indicator.measure === 'count').map((indicator) => indicator.id);
  const today = dateInZone(Date.now(), 'Asia/Ho_Chi_Minh');
  const date = today > board.term.end ? board.term.end : today;
  const client = httpPoster(server.url, { cookie }, POSTERS);
  const screens = SCREENS > 0 ? screensProcess() : undefined;
  if (screens) {
    await screens.ask({ type: 'connect', url: server.url, token: await displayToken(server.url, cookie), count: SCREENS }, 'connected');
  }
  let value = 0;
  return {
    dir,
    server,
    store,
    async post(n) {
      const answer = await client.post(`/api/indicators/${counts[n % counts.length]}/readings`, { date, value: ++value });
      if (answer.status !== 201) throw new Error(`${dir}: a reading answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    },
    async close() {
      client.close();
      await screens?.close();
    },
    measured: { readings: 0, ms: 0, cpu: 0, mainCpu: 0 },
  };
}

/** `count` readings, POSTERS at a time, each as soon as the last was answered. */
async function round(build: Build, count: number, measure: boolean): Promise<void> {
  const pid = build.server.child.pid!;
  const [cpu, mainCpu, started] = [cpuMs(pid), cpuMs(pid, true), performance.now()];
  let next = 0;
  await Promise.all(Array.from({ length: POSTERS }, async () => {
    while (next < count) await build.post(next++);
  }));
  if (!measure) return;
  build.measured.readings += count;
  build.measured.ms += performance.now() - started;
  build.measured.cpu += cpuMs(pid) - cpu;
  build.measured.mainCpu += cpuMs(pid, true) - mainCpu;
}

const dirs = process.argv.slice(2);
if (dirs.length < 2) throw new Error('usage: npm run bench:compare -- <build dir> <build dir> [...]');
const builds: Build[] = [];
try {
  for (const dir of dirs) builds.push(await start(dir));
  for (const build of builds) await round(build, WARM_UP, false);
  // Alternating which goes first: neither always follows the other's garbage and cache misses.
  for (let i = 0; i < ROUNDS; i++) for (const build of i % 2 === 0 ? builds : [...builds].reverse()) await round(build, READINGS, true);
  console.log(`${ROUNDS} rounds of ${READINGS} readings per build, ${POSTERS} posters, ${SCREENS} screens a server, builds alternated:`);
  for (const { dir, measured } of builds) {
    const perReading = (ms: number) => ((ms * 1000) / measured.readings).toFixed(0);
    console.log(`${dir}: ${Math.round(measured.readings / (measured.ms / 1000))} readings/s; server CPU ${perReading(measured.cpu)} µs a reading, main thread ${perReading(measured.mainCpu)} µs`);
  }
} finally {
  for (const build of builds) {
    await build.close();
    build.server.child.kill('SIGTERM');
    await build.server.exited;
    await build.store.remove();
  }
}
