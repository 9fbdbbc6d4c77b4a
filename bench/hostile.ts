/**
 * Hostile clients (CONTRACT "Hostile clients"), against a server in a child process of its own so
 * that its memory is its own:
 * - uploads: a 1 MB zip bomb named .xlsx (honest and lying headers) answered 4xx, each within
 *   2 s, while GET /api/health keeps p99 ≤ 200 ms — against health's p99 idle, in the same run;
 * - sockets: 5,000 `board:resync {since: 0}` from one display socket (in a process of its own:
 *   tests/helpers/resync-flooder.ts) while another screen's
 *   updates arrive within 500 ms p99 and the server grows by < 300 MB — against the same updates
 *   with no flood, in the same run.
 * `npx tsx bench/hostile.ts` (`npm run bench:hostile`); figures go to docs/performance.md.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { dateInZone } from '../shared/time/dates';
import { startFlooder } from '../tests/helpers/flooder-process';
import { workbookBomb } from '../tests/helpers/zip-bomb';
import { cpuMs } from './cpu';
import { displayToken } from './display-token';
import { percentile } from './stats';

const ADMIN = { username: 'admin', password: 'Bench-Password-1' };
const ROOT = join(import.meta.dirname, '..');

function rssOf(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

async function startServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'termboard-hostile-'));
  const port = 30000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_PASSWORD: ADMIN.password, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).status === 200) break;
    } catch {
      if (i > 600) throw new Error('the server did not start');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const login = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  return {
    url,
    cookie,
    pid: child.pid!,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type Server = Awaited<ReturnType<typeof startServer>>;

async function healthTimes(server: Server, until: () => boolean, minimum = 0): Promise<number[]> {
  const samples: number[] = [];
  while (!until() || samples.length < minimum) {
    const started = performance.now();
    await (await fetch(`${server.url}/api/health`)).text();
    samples.push(performance.now() - started);
  }
  return samples;
}

async function upload(server: Server, name: string, content: Buffer): Promise<{ status: number; ms: number; field?: string }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)]), name);
  const started = performance.now();
  const response = await fetch(`${server.url}/api/imports`, { method: 'POST', body: form, headers: { cookie: server.cookie } });
  const body = (await response.json()) as { error?: { fields?: { file?: string } } };
  return { status: response.status, ms: performance.now() - started, ...(body.error?.fields?.file ? { field: body.error.fields.file } : {}) };
}

const f = (ms: number) => ms.toFixed(1);

async function uploads(server: Server): Promise<void> {
  const idle = await healthTimes(server, () => true, 300);
  console.log(`health idle (baseline): n=${idle.length} p50 ${f(percentile(idle, 50))} ms, p99 ${f(percentile(idle, 99))} ms`);
  const bombs: Array<[string, Buffer]> = [
    ['honest headers', workbookBomb({ rows: 3_000_000 })],
    ['lying headers', workbookBomb({ rows: 3_000_000, declaredSize: 4096 })],
  ];
  for (const [label, bomb] of bombs) {
    let done = false;
    const probing = healthTimes(server, () => done, 20);
    const answers: Array<Awaited<ReturnType<typeof upload>>> = [];
    for (let i = 0; i < 5; i++) answers.push(await upload(server, 'so-lieu.xlsx', bomb));
    done = true;
    const during = await probing;
    console.log(
      `zip bomb, ${label} (${(bomb.length / 1024 / 1024).toFixed(2)} MB, ${answers.map((a) => `${a.status} ${a.field}`).join('/')}):` +
        ` answers ${answers.map((a) => f(a.ms)).join(', ')} ms; health during: n=${during.length} p50 ${f(percentile(during, 50))} ms, p99 ${f(percentile(during, 99))} ms`,
    );
  }
}

function socket(server: Server, token: string): Promise<Socket> {
  const client = io(server.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { token } });
  return new Promise((resolve, reject) => {
    client.once('board:snapshot', () => resolve(client));
    client.once('connect_error', reject);
  });
}

/** Posts `count` readings, 20 a second, and returns how long each took to reach the watcher. */
async function updateDelays(server: Server, watcher: Socket, indicatorId: number, count: number): Promise<number[]> {
  const sentAt = new Map<number, number>();
  // An update often arrives before its HTTP answer: arrivals are matched to requests afterwards.
  const arrivedAt = new Map<number, number>();
  const seen = (seq: number) => {
    if (!arrivedAt.has(seq)) arrivedAt.set(seq, performance.now());
  };
  const onOne = (update: { seq: number }) => seen(update.seq);
  // A coalesced batch covers every seq after `since` up to its last change (changes of one
  // indicator are merged at their latest seq): each of them has arrived.
  const onMany = ({ since, changes }: { since: number; changes: Array<{ seq: number }> }) => {
    for (let seq = since + 1; seq <= Math.max(...changes.map((c) => c.seq)); seq++) seen(seq);
  };
  watcher.on('indicator:updated', onOne);
  watcher.on('indicators:updated', onMany);
  const date = dateInZone(Date.now(), 'Asia/Ho_Chi_Minh');
  const pending: Array<Promise<void>> = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    pending.push(
      fetch(`${server.url}/api/indicators/${indicatorId}/readings`, {
        method: 'POST',
        headers: { cookie: server.cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ date, value: i + 1 }),
      }).then(async (response) => {
        const body = (await response.json()) as { seq: number };
        if (response.status !== 201) throw new Error(`a reading answered ${response.status}: ${JSON.stringify(body)}`);
        sentAt.set(body.seq, started);
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await Promise.all(pending);
  const arrived = () => [...sentAt.keys()].filter((seq) => arrivedAt.has(seq)).length;
  const deadline = Date.now() + 30_000;
  while (arrived() < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  watcher.off('indicator:updated', onOne);
  watcher.off('indicators:updated', onMany);
  if (arrived() < count) throw new Error(`only ${arrived()} of ${count} updates arrived within 30 s`);
  // BENCH_SHOW_DELAYS=1: each update's delay in ms, in the order posted (when the flood hurt).
  if (process.env.BENCH_SHOW_DELAYS) console.log([...sentAt].sort((a, b) => a[1] - b[1]).map(([seq, sent]) => (arrivedAt.get(seq)! - sent).toFixed(0)).join(' '));
  return [...sentAt].map(([seq, sent]) => arrivedAt.get(seq)! - sent);
}

async function resyncFlood(server: Server): Promise<void> {
  const board = (await (await fetch(`${server.url}/api/board`, { headers: { cookie: server.cookie } })).json()) as { indicators: Array<{ id: number; code: string }> };
  const indicatorId = board.indicators.find((i) => i.code === 'KTGS-02')!.id;
  const watcher = await socket(server, await displayToken(server.url, server.cookie, 'watcher'));
  // Its own process: the 5,000 emits are encoded there, not on this event loop where the watcher's
  // updates are timestamped (a flooder in this process added its own delay to the figure).
  const flooder = await startFlooder(server.url, await displayToken(server.url, server.cookie, 'flooder'));
  const cpuCalm = cpuMs(server.pid);
  const calm = await updateDelays(server, watcher, indicatorId, 60);
  const calmCpu = cpuMs(server.pid) - cpuCalm;
  console.log(`updates to another screen, no flood (baseline): n=${calm.length} p50 ${f(percentile(calm, 50))} ms, p99 ${f(percentile(calm, 99))} ms`);
  const rssBefore = rssOf(server.pid);
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(server.pid))), 50);
  const cpuFlood = cpuMs(server.pid);
  await flooder.flood(5000);
  const flooded = await updateDelays(server, watcher, indicatorId, 60);
  const floodCpu = cpuMs(server.pid) - cpuFlood;
  clearInterval(sampler);
  const { answered, refused, cut } = await flooder.report();
  console.log(
    `updates to another screen during 5,000 resyncs from one socket in another process (${answered} answered, ${refused} refused, ` +
      `${cut ? `cut by the server: ${cut}` : 'not cut'}): n=${flooded.length} p50 ${f(percentile(flooded, 50))} ms, p99 ${f(percentile(flooded, 99))} ms;` +
      ` server RSS ${(rssBefore / 1024 / 1024).toFixed(0)} MB before, peak ${(peak / 1024 / 1024).toFixed(0)} MB (+${((peak - rssBefore) / 1024 / 1024).toFixed(0)} MB)`,
  );
  console.log(`server CPU time over the 60 updates: ${calmCpu.toFixed(0)} ms without the flood (baseline), ${floodCpu.toFixed(0)} ms with it (the flood's share: ${(floodCpu - calmCpu).toFixed(0)} ms)`);
  watcher.disconnect();
}

const server = await startServer();
try {
  await uploads(server);
  await resyncFlood(server);
} finally {
  await server.stop();
}
