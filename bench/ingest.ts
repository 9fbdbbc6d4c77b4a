/**
 * The write side: what one reading costs over HTTP, a 10,000-row import (dry run + commit) and a
 * 10,000-reading `POST /api/readings`, while the server keeps answering `GET /api/health`. The server runs in its own process, as
 * `npm start` runs it (SQLite in WAL mode, synchronous = NORMAL, the WAL fsynced off the event
 * loop before each answer); the baselines of the same run are bare better-sqlite3 inserts on the
 * same disk: with the fsync in the commit (FULL), without it (NORMAL), and NORMAL followed by an
 * fdatasync of the WAL (what the server's writer does, there on the thread pool).
 *
 * `npm run bench:ingest`; BENCH_IMPORT_ROWS sets the import's rows (default 10,000). Figures go
 * to docs/performance.md.
 */
import BetterSqlite3 from 'better-sqlite3';
import { closeSync, fdatasyncSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dateInZone } from '../shared/time/dates';
import { freePort, spawnServer, tempStore, waitHealthy } from '../tests/helpers/server-process';
import { signIn } from '../tests/helpers/start-test-server';
import { printTable, summary, timeEach } from './stats';
import { httpPoster } from './http-poster';

const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
const SINGLE_READINGS = 500;
/**
 * Readings posted before the measured ones, and health checks before its baseline: over the
 * first few hundred requests after a start the server runs code V8 has not yet optimised (one
 * reading's p50 1.3–2.2 ms over the first 250, ~1.0 ms from the 750th on; docs/performance.md).
 * The figure is of a server at work; the cold start is printed as a row of its own.
 */
const WARM_UP = 1_000;
const COLD = 250;
const PASSWORD = 'Bench-Ingest-2026';
const POSTERS = 8;
const SUSTAINED_MS = 5_000;

/** One row a transaction into a table shaped like `readings`, as the server's writer commits (BEGIN IMMEDIATE … COMMIT). */
function bareInserts(synchronous: 'FULL' | 'NORMAL', n: number, syncWal = false): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'termboard-bare-'));
  const db = new BetterSqlite3(join(dir, 'bare.db'));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.exec(`create table readings (id integer primary key autoincrement, indicator_id integer not null, date text not null, value real,
    numerator integer, denominator integer, note text not null default '', evidence text not null default '', author_user_id integer,
    author_token_id integer, created_at integer not null, supersedes_id integer, superseded_by_id integer, reason text not null default '')`);
  const insert = db.prepare('insert into readings (indicator_id, date, value, created_at) values (?, ?, ?, ?)');
  const samples: number[] = [];
  const wal = syncWal ? openSync(join(dir, 'bare.db-wal'), 'r') : undefined;
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    db.exec('BEGIN IMMEDIATE');
    insert.run(1, '2026-11-28', i, Date.now());
    db.exec('COMMIT');
    if (wal !== undefined) fdatasyncSync(wal);
    samples.push(performance.now() - started);
  }
  if (wal !== undefined) closeSync(wal);
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return samples;
}

const store = await tempStore();
const server = spawnServer({ ...store.env, ADMIN_PASSWORD: PASSWORD, LOG_LEVEL: 'error' }, await freePort());
try {
  await waitHealthy(server);
  const url = server.url;
  const cookie = await signIn(url, 'admin', PASSWORD);
  const board = (await (await fetch(`${url}/api/board`, { headers: { cookie } })).json()) as {
    term: { start: string };
    timeZone: string;
    indicators: Array<{ id: number; code: string; measure: string }>;
  };
  const counts = board.indicators.filter((i) => i.measure === 'count');
  const today = dateInZone(Date.now(), board.timeZone);
  let value = 0;
  // The posters of bench:screens (bench/http-poster.ts): a client's own CPU is taken from the
  // server measured (fetch's ~0.9 ms a request here).
  const client = httpPoster(url, { cookie }, POSTERS);
  const postReading = async (indicatorId: number) => {
    const answer = await client.post(`/api/indicators/${indicatorId}/readings`, { date: today, value: ++value });
    if (answer.status !== 201) throw new Error(`reading answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  };
  const health = async () => {
    const answer = await client.send('GET', '/api/health');
    if (answer.status !== 200) throw new Error(`health answered ${answer.status}`);
  };

  const rows = [];
  rows.push(summary('baseline: bare better-sqlite3 insert, a transaction each, synchronous=FULL', bareInserts('FULL', SINGLE_READINGS)));
  rows.push(summary('baseline: the same, synchronous=NORMAL (no fsync at commit)', bareInserts('NORMAL', SINGLE_READINGS)));
  rows.push(summary('baseline: NORMAL, then fdatasync of the WAL (what the server does)', bareInserts('NORMAL', SINGLE_READINGS, true)));
  const oneReading = () => postReading(counts[value % counts.length]!.id);
  const warmUp = await timeEach(WARM_UP, oneReading);
  await timeEach(WARM_UP, health);
  rows.push(summary('baseline: GET /api/health, server idle', await timeEach(SINGLE_READINGS, health)));
  rows.push(summary(`one reading over HTTP, demo board, the first ${COLD} after the start (cold)`, warmUp.slice(0, COLD)));
  rows.push(summary(`one reading over HTTP, demo board (sequential, after ${WARM_UP})`, await timeEach(SINGLE_READINGS, oneReading)));

  // As fast as answered, 8 at a time, no screen connected: what the write path sustains.
  let acknowledged = 0;
  const until = performance.now() + SUSTAINED_MS;
  await Promise.all(
    Array.from({ length: POSTERS }, async (_, poster) => {
      while (performance.now() < until) {
        await postReading(counts[poster % counts.length]!.id);
        acknowledged++;
      }
    }),
  );
  const sustained = `readings acknowledged with ${POSTERS} posters, no screens: ${Math.round(acknowledged / (SUSTAINED_MS / 1000))}/s`;

  /** Runs `work` while GET /api/health is asked again and again; the samples by the phase `work` says it is in. */
  const sampling = async <P extends string>(first: P, work: (phase: (next: P) => void) => Promise<void>) => {
    const samples = new Map<P, number[]>();
    let current = first;
    let running = true;
    const sampler = (async () => {
      while (running) {
        const started = performance.now();
        const phase = current;
        await health();
        samples.set(phase, [...(samples.get(phase) ?? []), performance.now() - started]);
      }
    })();
    try {
      await work((next) => (current = next));
    } finally {
      running = false;
      await sampler;
    }
    return samples;
  };
  const csvOf = (round: number) => {
    const lines = ['code,date,value,numerator,denominator,note,evidence'];
    for (const reading of readingsOf(round)) lines.push(`${reading.code},${reading.date},${reading.value},,,${reading.note},`);
    return lines.join('\n');
  };
  const readingsOf = (round: number) => {
    const start = Date.parse(`${board.term.start}T00:00:00Z`);
    const days = Math.max(1, Math.floor((Date.parse(`${today}T00:00:00Z`) - start) / 86_400_000));
    return Array.from({ length: IMPORT_ROWS }, (_, i) => ({
      code: counts[i % counts.length]!.code,
      date: new Date(start + (i % days) * 86_400_000).toISOString().slice(0, 10),
      value: round * 1_000_000 + i,
      note: 'Nhập hàng loạt',
    }));
  };

  const lines: string[] = [];
  for (const round of [1, 2]) {
    const csv = csvOf(round);
    let dryRun = 0;
    let total = 0;
    const samples = await sampling<'dry run' | 'commit'>('dry run', async (phase) => {
      const started = performance.now();
      const form = new FormData();
      form.append('file', new Blob([csv]), 'so-lieu.csv');
      const preview = await fetch(`${url}/api/imports`, { method: 'POST', headers: { cookie }, body: form });
      if (preview.status !== 201) throw new Error(`dry run answered ${preview.status}: ${await preview.text()}`);
      const { id, counts: rowCounts } = (await preview.json()) as { id: number; counts: { new: number } };
      if (rowCounts.new !== IMPORT_ROWS) throw new Error(`dry run found ${rowCounts.new} new rows of ${IMPORT_ROWS}`);
      dryRun = performance.now() - started;
      phase('commit');
      const commit = await fetch(`${url}/api/imports/${id}/commit`, { method: 'POST', headers: { cookie } });
      if (commit.status !== 200) throw new Error(`commit answered ${commit.status}: ${await commit.text()}`);
      const { imported } = (await commit.json()) as { imported: number };
      if (imported !== IMPORT_ROWS) throw new Error(`imported ${imported} of ${IMPORT_ROWS}`);
      total = performance.now() - started;
    });
    lines.push(`import #${round} of ${IMPORT_ROWS.toLocaleString('en')} rows: dry run ${(dryRun / 1000).toFixed(2)} s + commit ${((total - dryRun) / 1000).toFixed(2)} s = ${(total / 1000).toFixed(2)} s`);
    rows.push(summary(`GET /api/health during import #${round}'s dry run`, samples.get('dry run') ?? []));
    rows.push(summary(`GET /api/health during import #${round}'s commit`, samples.get('commit') ?? []));
  }
  for (const round of [3, 4]) {
    const body = JSON.stringify({ readings: readingsOf(round) });
    let took = 0;
    const samples = await sampling('batch', async () => {
      const started = performance.now();
      const response = await fetch(`${url}/api/readings`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body });
      if (response.status !== 201) throw new Error(`batch answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
      await response.arrayBuffer();
      took = performance.now() - started;
    });
    lines.push(`POST /api/readings of ${IMPORT_ROWS.toLocaleString('en')} readings (#${round - 2}): ${(took / 1000).toFixed(2)} s`);
    rows.push(summary(`GET /api/health during batch #${round - 2}`, samples.get('batch') ?? []));
  }

  printTable(rows);
  console.log('');
  console.log(sustained);
  for (const line of lines) console.log(line);
} finally {
  server.child.kill('SIGTERM');
  await server.exited;
  await store.remove();
}
