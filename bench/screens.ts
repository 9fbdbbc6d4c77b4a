/**
 * Readings to 1,000 screens on one node (SQLite), against a bare Socket.IO server in the same run.
 *
 * The servers (termboard as `npm start` runs it, and bench/bare-server.ts), a process of screens
 * for each (bench/screen-clients.ts: Socket.IO clients over WebSocket, with a display token), and
 * this one, which posts the readings. Measured:
 * - POST-to-screen: readings posted one at a time, to bare and termboard by turns, both with their
 *   screens connected (this machine's speed drifts by the minute: measured one after the other,
 *   the ratio of the p99s moved with the minute as much as with the server); a sample is the time
 *   from sending the POST to one screen having the change, for every screen (1,000 × 300 samples
 *   a server);
 * - memory per screen: the server's resident memory with the screens connected, less before, / N,
 *   each server fresh;
 * - sustained: 8 posters (bench/http-poster.ts, HTTP/1.1 by hand on kept-alive sockets: a
 *   client's own CPU is taken from the server measured), each posting as soon as its last reading
 *   was answered, for 10 s, with no screen (what the write path alone sustains) and with the
 *   screens (the bare server gone by then); then how long after the last answer every screen has
 *   the last seq (drain), and the bytes of JSON a screen received per change.
 *
 * `npm run bench:screens`; BENCH_SCREENS sets the number of screens (default 1000).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort, spawnServer, tempStore, waitHealthy, type ServerProcess } from '../tests/helpers/server-process';
import { signIn } from '../tests/helpers/start-test-server';
import { COALESCE_WINDOW } from '../server/realtime/screen-delivery';
import { cpuMs } from './cpu';
import { displayToken } from './display-token';
import { rss } from './memory';
import type { ClientCommand, ClientReport } from './screen-clients';
import { httpPoster } from './http-poster';
import { percentile } from './stats';

const SCREENS = Number(process.env.BENCH_SCREENS ?? 1000);
/**
 * The samples of one reading move together (one slow reading is 1,000 slow samples, 1 % of 100
 * readings): with 100, the p99 was the second-slowest reading, and its ratio to bare's swung
 * from 0.79× to 1.32× between runs of the same code. With 300 (the fourth-slowest) it still
 * swung from 0.86× to 1.50× in the minutes this machine ran slow (a fixed loop took 630 to
 * 1,040 ms from one second to the next): 1,000 make it the tenth-slowest.
 */
const LATENCY_READINGS = 1000;
const POSTERS = 8;
const SUSTAINED_MS = 10_000;
const PASSWORD = 'Bench-Screens-2026';
const CODES = ['XDD-01', 'KTGS-02'];
const MB = 1024 * 1024;

const now = () => performance.timeOrigin + performance.now();

/** The screens' process, and a way to ask it something and wait for the answer. */
export function screensProcess() {
  const child: ChildProcess = fork(join(import.meta.dirname, 'screen-clients.ts'), { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ask = <T extends ClientReport['type']>(command: ClientCommand, ...answers: T[]) =>
    new Promise<Extract<ClientReport, { type: T }>>((resolve) => {
      const listener = (report: ClientReport) => {
        if (!(answers as string[]).includes(report.type)) return;
        child.off('message', listener);
        resolve(report as Extract<ClientReport, { type: T }>);
      };
      child.on('message', listener);
      child.send(command);
    });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const close = async () => {
    if (child.connected) child.send({ type: 'close' } satisfies ClientCommand);
    await exited;
  };
  return { ask, close };
}

async function settle(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

interface Target {
  url: string;
  pid: number;
  token?: string;
  post(n: number): Promise<number>;
}

/**
 * Connects the screens; resolves with the server's memory per screen (bytes). The first tenth
 * warms the server up (code compiled, buffers and caches allocated once) and is not counted.
 */
async function connect(target: Target, screens: ReturnType<typeof screensProcess>): Promise<number> {
  const warmUp = Math.ceil(SCREENS / 10);
  await screens.ask({ type: 'connect', url: target.url, token: target.token, count: warmUp }, 'connected');
  await settle(1000);
  const before = rss(target.pid);
  await screens.ask({ type: 'connect', url: target.url, token: target.token, count: SCREENS - warmUp }, 'connected');
  await settle(2000);
  return (rss(target.pid) - before) / (SCREENS - warmUp);
}

/** One server of the latency run: where to post, and its screens. */
interface Measured {
  target: Target;
  screens: ReturnType<typeof screensProcess>;
  /** POST-to-screen samples (ms) over every screen. */
  samples: number[];
  /** The time (ms) each POST took to be answered, the write alone. */
  answered: number[];
}

/**
 * POST-to-screen, readings one at a time, the servers taking turns reading by reading (which goes
 * first alternates): this machine's speed drifts by the minute, and both servers must meet the
 * same minutes for the ratio of their p99s to be about them.
 */
async function latencies(servers: Measured[]): Promise<void> {
  for (let i = 0; i < LATENCY_READINGS; i++) {
    for (const server of i % 2 === 0 ? servers : [...servers].reverse()) {
      const sent = now();
      const seq = await server.target.post(i);
      server.answered.push(now() - sent);
      const answer = await server.screens.ask({ type: 'await', seq, timeoutMs: 30_000 }, 'reached', 'timeout');
      if (answer.type === 'timeout') throw new Error(`reading ${seq} did not reach ${answer.behind} screens`);
      for (const at of answer.times) server.samples.push(at - sent);
    }
  }
}

/**
 * POSTERS posting as fast as answered for SUSTAINED_MS: readings/s, when the last was answered,
 * and the server's CPU time per reading (what the rate would be on an idle machine, less the
 * loaded machine's noise).
 */
async function sustained(target: Target): Promise<{ rate: number; committed: number; lastSeq: number; lastAnswerAt: number; cpuPerReading: number }> {
  const cpuBefore = cpuMs(target.pid);
  let committed = 0;
  let lastSeq = 0;
  let lastAnswerAt = 0;
  const started = now();
  const deadline = started + SUSTAINED_MS;
  await Promise.all(
    Array.from({ length: POSTERS }, async (_, poster) => {
      for (let n = poster; now() < deadline; n += POSTERS) {
        lastSeq = Math.max(lastSeq, await target.post(n));
        lastAnswerAt = now();
        committed++;
      }
    }),
  );
  return { rate: committed / ((lastAnswerAt - started) / 1000), committed, lastSeq, lastAnswerAt, cpuPerReading: (cpuMs(target.pid) - cpuBefore) / committed };
}

/** A termboard server on a fresh SQLite store, signed in, with a display token and a poster. */
async function startTermboard(): Promise<{ target: Target; stop(): Promise<void> }> {
  // The SQLite store, whatever TEST_DATABASE_URL says: the embedded default is what is measured.
  const saved = process.env.TEST_DATABASE_URL;
  delete process.env.TEST_DATABASE_URL;
  const store = await tempStore().finally(() => saved !== undefined && (process.env.TEST_DATABASE_URL = saved));
  let node: ServerProcess | undefined;
  const stop = async () => {
    node?.child.kill('SIGTERM');
    await node?.exited;
    await store.remove();
  };
  try {
    node = spawnServer({ ...store.env, ADMIN_PASSWORD: PASSWORD, LOG_LEVEL: 'warn' }, await freePort());
    await waitHealthy(node, 60_000);
    const url = node.url;
    const cookie = await signIn(url, 'admin', PASSWORD);
    const token = await displayToken(url, cookie);
    const board = await (await fetch(`${url}/api/board`, { headers: { cookie } })).json();
    const ids = CODES.map((code) => board.indicators.find((i: { code: string }) => i.code === code).id as number);
    const client = httpPoster(url, { cookie }, POSTERS);
    const target: Target = {
      url,
      pid: node.child.pid!,
      token,
      async post(n) {
        const answer = await client.post<{ seq: number }>(`/api/indicators/${ids[n % ids.length]}/readings`, { date: `2026-11-${String((n % 27) + 1).padStart(2, '0')}`, value: 1 });
        if (answer.status !== 201) throw new Error(`reading answered ${answer.status}: ${JSON.stringify(answer.body)}`);
        return answer.body.seq;
      },
    };
    return { target, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The server's memory per screen, on a fresh server as the bare one is measured: on the server
 * of the other figures, the garbage of the thousands of readings written first is collected
 * while the screens connect, and hides what they take.
 */
async function termboardMemory(): Promise<number> {
  const { target, stop } = await startTermboard();
  const screens = screensProcess();
  try {
    return await connect(target, screens);
  } finally {
    await screens.close();
    await stop();
  }
}

/** The bare Socket.IO server (bench/bare-server.ts), its screens connected: resolves once they are, with its memory per screen. */
async function startBare(): Promise<{ measured: Measured; perScreen: number; stop(): Promise<void> }> {
  const port = await freePort();
  const server = fork(join(import.meta.dirname, 'bare-server.ts'), { execArgv: ['--import', 'tsx'], env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  await new Promise((resolve) => server.stdout!.once('data', resolve));
  const url = `http://127.0.0.1:${port}`;
  const client = httpPoster(url);
  const screens = screensProcess();
  const stop = async () => {
    await screens.close();
    client.close();
    server.kill('SIGTERM');
  };
  try {
    const target: Target = {
      url,
      pid: server.pid!,
      async post() {
        return (await client.post<{ seq: number }>('/reading', {})).body.seq;
      },
    };
    const perScreen = await connect(target, screens);
    return { measured: { target, screens, samples: [], answered: [] }, perScreen, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export async function benchScreens(): Promise<string[]> {
  const lines = [
    `${SCREENS} screens (WebSocket, display token) in a process of their own per server; latency over ${LATENCY_READINGS} readings one at a time, the two servers taking turns; sustained: ${POSTERS} posters for ${SUSTAINED_MS / 1000} s.`,
    '',
    '| setup | screens | POST-to-screen p50 ms | p99 ms | server memory per 1,000 screens MB | readings/s sustained | drain after last answer ms | bytes per change a screen |',
    '|---|---|---|---|---|---|---|---|',
  ];
  const perScreen = await termboardMemory();
  const bare = await startBare();
  let ours: Awaited<ReturnType<typeof startTermboard>> | undefined;
  let screens: ReturnType<typeof screensProcess> | undefined;
  try {
    ours = await startTermboard();
    const { target } = ours;
    // The write path alone first (it also warms the server up), then with the screens.
    const writeOnly = await sustained(target);
    screens = screensProcess();
    await connect(target, screens);
    const measured: Measured = { target, screens, samples: [], answered: [] };
    await latencies([bare.measured, measured]);
    const floor = await fanOutFloor(bare.measured.target.url, bare.measured.target.pid);
    // The bare server and its screens leave before the sustained run: their CPU is the machine's.
    await bare.stop();
    const write = `the POST answered in p50 ${percentile(measured.answered, 50).toFixed(1)} ms, p99 ${percentile(measured.answered, 99).toFixed(1)} ms`;
    const single = (await screens.ask({ type: 'stats' }, 'stats')).singleSizes.sort((a, b) => a - b);
    const load = await sustained(target);
    const reached = await screens.ask({ type: 'await', seq: load.lastSeq, timeoutMs: 60_000 }, 'reached', 'timeout');
    const cpu = `server CPU per reading: ${writeOnly.cpuPerReading.toFixed(1)} ms with no screen, ${load.cpuPerReading.toFixed(1)} ms with ${SCREENS} (delivery included)`;
    const drain = reached.type === 'reached' ? Math.max(...reached.times) - load.lastAnswerAt : Number.NaN;
    const traffic = await screens.ask({ type: 'stats' }, 'stats');
    const ratio = (ours: number, theirs: number) => (ours / theirs).toFixed(2);
    lines.push(
      row(`baseline: bare Socket.IO, ${SCREENS} screens`, SCREENS, bare.measured.samples, bare.perScreen, undefined, undefined, undefined),
      row('termboard, 0 screens (writes alone)', 0, undefined, undefined, writeOnly.rate, undefined, undefined),
      row(`termboard, ${SCREENS} screens`, SCREENS, measured.samples, perScreen, load.rate, drain, traffic.bytes / (load.committed * SCREENS)),
      '',
      `p99 ratio to bare: ${ratio(percentile(measured.samples, 99), percentile(bare.measured.samples, 99))}×; memory per screen ratio to bare: ${ratio(perScreen, bare.perScreen)}×.`,
      `Of termboard's POST-to-screen, ${write}. Sustained, ${cpu}.`,
      `Bytes of JSON of one change of one indicator (indicator:updated, one at a time): p50 ${percentile(single, 50)}, max ${single.at(-1)}; ` +
        `under load ${traffic.messages / SCREENS} messages a screen for ${load.committed} readings.`,
      `Delivery floor (bare Socket.IO, a message to every screen every ${COALESCE_WINDOW.maxMs} ms, the coalescing window's longest, for ${FAN_OUT_MS / 1000} s): ` +
        `${floor.cpuPerSecond.toFixed(0)} ms of the server's CPU a second, ${floor.perWrite.toFixed(1)} µs a socket write (${floor.writes} writes).`,
    );
    return lines;
  } finally {
    await screens?.close();
    await bare.stop().catch(() => undefined);
    await ours?.stop();
  }
}

const FAN_OUT_MS = 10_000;

/**
 * What delivery alone costs a server at the coalescing window's pace: the bare server sends every
 * screen a message every COALESCE_WINDOW.maxMs for FAN_OUT_MS (what termboard sends under a
 * sustained load, whatever the rate), and its CPU time is read before and after.
 */
async function fanOutFloor(url: string, pid: number): Promise<{ cpuPerSecond: number; perWrite: number; writes: number }> {
  const cpuBefore = cpuMs(pid);
  const started = now();
  const { sent } = (await (await fetch(`${url}/fanout?ms=${FAN_OUT_MS}&every=${COALESCE_WINDOW.maxMs}`, { method: 'POST' })).json()) as { sent: number };
  const cpu = cpuMs(pid) - cpuBefore;
  const writes = sent * SCREENS;
  return { cpuPerSecond: cpu / ((now() - started) / 1000), perWrite: (cpu * 1000) / writes, writes };
}

function row(label: string, screens: number, samples: number[] | undefined, perScreen: number | undefined, rate: number | undefined, drain: number | undefined, bytes: number | undefined): string {
  const ms = (p: number) => (samples ? percentile(samples, p).toFixed(1) : '—');
  const cell = (value: number | undefined, digits: number) => (value === undefined ? '—' : Number.isNaN(value) ? 'not reached' : value.toFixed(digits));
  return `| ${label} | ${screens} | ${ms(50)} | ${ms(99)} | ${perScreen === undefined ? '—' : ((perScreen * 1000) / MB).toFixed(1)} | ${cell(rate, 0)} | ${cell(drain, 0)} | ${cell(bytes, 0)} |`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await benchScreens()) console.log(line);
}
