/**
 * Screens at scale: readings posted to the app nodes, each delivered to every screen.
 *
 * - one node on SQLite with every screen (the embedded default, the baseline of this run);
 * - two nodes on PostgreSQL + Redis, the screens split between them, readings posted to both.
 *
 * For each: POST-to-screen latency (from sending the POST to a screen receiving the update,
 * over every screen and reading, one reading at a time), then sustained readings/s (posters
 * on every node for a fixed time) and how long the screens take to have them all.
 *
 * `npm run bench:cluster` (needs TEST_DATABASE_URL and TEST_REDIS_URL: eval "$(.ci/services.sh)");
 * BENCH_SCREENS sets the screens per node of the cluster (default 1000).
 */
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import type { DeltaBatch, IndicatorDelta } from '../shared/realtime/delta';
import { rmSync } from 'node:fs';
import { freePort, spawnServer, tempDataDir, tempStore, waitHealthy, type ServerProcess, type TempStore } from '../tests/helpers/server-process';
import { signIn } from '../tests/helpers/start-test-server';
import { createPostgresDatabase } from '../tests/helpers/temp-db';
import { displayToken } from './display-token';
import { percentile } from './stats';

const SCREENS_PER_NODE = Number(process.env.BENCH_SCREENS ?? 1000);
const LATENCY_READINGS = 100;
const POSTERS_PER_NODE = 4;
const SUSTAINED_MS = 10_000;
const PASSWORD = 'Bench-Cluster-2026';
const CODES = ['XDD-01', 'KTGS-02'];

interface Scenario {
  label: string;
  nodes: ServerProcess[];
  screensPerNode: number;
  stop(): Promise<void>;
}

/** The scenario's nodes with no screen connected (what the database alone sustains), then with its screens. */
async function measureBoth(scenario: Scenario): Promise<string[]> {
  return [...(await measure({ ...scenario, screensPerNode: 0 })), ...(await measure(scenario))];
}


/** One screen: its socket and the time each seq reached it. */
interface Screen {
  socket: Socket;
  received: Map<number, number>;
  last: number;
}

async function connectScreens(url: string, token: string, count: number): Promise<Screen[]> {
  const screens: Screen[] = [];
  // In batches: a thousand handshakes at once would measure the accept queue, not the board.
  for (let start = 0; start < count; start += 100) {
    const batch = Array.from({ length: Math.min(100, count - start) }, () => {
      const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { token } });
      const screen: Screen = { socket, received: new Map(), last: 0 };
      const take = (update: IndicatorDelta) => {
        screen.received.set(update.seq, performance.now());
        screen.last = Math.max(screen.last, update.seq);
      };
      socket.on('indicator:updated', take);
      // A batch covers every seq up to its last change; the drain only needs the last.
      socket.on('indicators:updated', ({ changes }: DeltaBatch) => changes.forEach(take));
      return new Promise<Screen>((resolve, reject) => {
        socket.once('board:snapshot', () => resolve(screen));
        socket.once('connect_error', reject);
      });
    });
    screens.push(...(await Promise.all(batch)));
  }
  return screens;
}

async function until(what: string, check: () => boolean, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
  return performance.now() - started;
}

async function measure(scenario: Scenario): Promise<string[]> {
  const urls = scenario.nodes.map((node) => node.url);
  const cookie = await signIn(urls[0]!, 'admin', PASSWORD);
  const token = await displayToken(urls[0]!, cookie);
  const board = await (await fetch(`${urls[0]}/api/board`, { headers: { cookie } })).json();
  const ids = CODES.map((code) => board.indicators.find((i: { code: string }) => i.code === code).id as number);
  const screens = (await Promise.all(urls.map((url) => connectScreens(url, token, scenario.screensPerNode)))).flat();

  let day = 0;
  const post = async (url: string, n: number) => {
    day = (day % 27) + 1;
    const response = await fetch(`${url}/api/indicators/${ids[n % ids.length]}/readings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ date: `2026-11-${String(day).padStart(2, '0')}`, value: 1 }),
    });
    if (response.status !== 201) throw new Error(`reading answered ${response.status}: ${await response.text()}`);
    return ((await response.json()) as { seq: number }).seq;
  };

  // Latency: one reading at a time, alternating nodes; every screen's receipt is a sample.
  const latencies: number[] = [];
  for (let i = 0; i < (screens.length > 0 ? LATENCY_READINGS : 0); i++) {
    const sent = performance.now();
    const seq = await post(urls[i % urls.length]!, i);
    await until(`reading ${seq} on every screen`, () => screens.every((screen) => screen.received.has(seq)), 30_000);
    for (const screen of screens) latencies.push(screen.received.get(seq)! - sent);
  }

  // Sustained: posters on every node as fast as they are answered.
  let committed = 0;
  let lastSeq = 0;
  const deadline = performance.now() + SUSTAINED_MS;
  const started = performance.now();
  await Promise.all(
    urls.flatMap((url) =>
      Array.from({ length: POSTERS_PER_NODE }, async (_, poster) => {
        for (let n = poster; performance.now() < deadline; n += POSTERS_PER_NODE) {
          lastSeq = Math.max(lastSeq, await post(url, n));
          committed++;
        }
      }),
    ),
  );
  const elapsed = performance.now() - started;
  const drain = await until('every screen to have every reading', () => screens.every((screen) => screen.last >= lastSeq), 120_000);
  const delivered = committed * screens.length;

  for (const screen of screens) screen.socket.disconnect();
  const ms = (p: number) => (latencies.length > 0 ? percentile(latencies, p).toFixed(1) : '—');
  return [
    `| ${scenario.label} | ${screens.length} | ${ms(50)} | ${ms(99)} | ` +
      `${(committed / (elapsed / 1000)).toFixed(0)} | ${Math.round(drain)} | ${Math.round(delivered / ((elapsed + drain) / 1000)).toLocaleString('en')} |`,
  ];
}

async function startNodes(stores: Array<{ env: Record<string, string> }>, extra: Record<string, string>): Promise<ServerProcess[]> {
  const nodes = await Promise.all(
    stores.map(async (store, i) => spawnServer({ ...store.env, ...extra, ADMIN_PASSWORD: PASSWORD, NODE_NAME: `node-${i + 1}`, LOG_LEVEL: 'warn' }, await freePort())),
  );
  await Promise.all(nodes.map((node) => waitHealthy(node, 60_000)));
  return nodes;
}

async function stopAll(nodes: ServerProcess[]): Promise<void> {
  for (const node of nodes) node.child.kill('SIGTERM');
  await Promise.all(nodes.map((node) => node.exited));
}

async function sqliteScenario(): Promise<Scenario> {
  // The SQLite store, whatever TEST_DATABASE_URL says: this is the embedded baseline.
  const saved = process.env.TEST_DATABASE_URL;
  delete process.env.TEST_DATABASE_URL;
  let store: TempStore;
  try {
    store = await tempStore();
  } finally {
    if (saved !== undefined) process.env.TEST_DATABASE_URL = saved;
  }
  const nodes = await startNodes([store], {});
  return {
    label: 'one node, SQLite',
    nodes,
    screensPerNode: 2 * SCREENS_PER_NODE,
    stop: async () => {
      await stopAll(nodes);
      await store.remove();
    },
  };
}

async function clusterScenario(databaseServer: string, redisServer: string): Promise<Scenario> {
  const database = await createPostgresDatabase(databaseServer);
  const redisUrl = Object.assign(new URL(redisServer), { pathname: '/8' }).toString();
  const redis = new Redis(redisUrl);
  await redis.flushdb();
  redis.disconnect();
  const dirs = [tempDataDir(), tempDataDir()];
  const stores = dirs.map((dir) => ({ env: { DATA_DIR: dir, DATABASE_URL: database.url } }));
  const nodes = await startNodes(stores, { REDIS_URL: redisUrl });
  return {
    label: 'two nodes, PostgreSQL + Redis',
    nodes,
    screensPerNode: SCREENS_PER_NODE,
    stop: async () => {
      await stopAll(nodes);
      await database.drop();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function benchCluster(): Promise<string[]> {
  const databaseServer = process.env.TEST_DATABASE_URL;
  const redisServer = process.env.TEST_REDIS_URL;
  const lines = [
    `Screens: ${2 * SCREENS_PER_NODE} in all; latency over ${LATENCY_READINGS} readings one at a time; sustained: ${POSTERS_PER_NODE} posters a node for ${SUSTAINED_MS / 1000} s.`,
    '',
    '| setup | screens | POST-to-screen p50 ms | p99 ms | readings/s sustained | drain ms | updates delivered/s |',
    '|---|---|---|---|---|---|---|',
  ];
  const baseline = await sqliteScenario();
  try {
    lines.push(...(await measureBoth(baseline)));
  } finally {
    await baseline.stop();
  }
  if (!databaseServer || !redisServer) {
    lines.push('', 'The two-node run needs TEST_DATABASE_URL and TEST_REDIS_URL: eval "$(.ci/services.sh)" first.');
    return lines;
  }
  const cluster = await clusterScenario(databaseServer, redisServer);
  try {
    lines.push(...(await measureBoth(cluster)));
  } finally {
    await cluster.stop();
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await benchCluster()) console.log(line);
}
