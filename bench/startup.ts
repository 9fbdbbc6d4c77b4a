/**
 * Start to healthy: from spawning the process to the first `200` of GET /api/health, on the demo
 * board, with the client prebuilt. The built server (`node dist/server/index.js`, what `npm start`
 * runs) on a first start (empty DATA_DIR: migrations, first admin, demo term) and on a later one;
 * `npm start` itself (npm and the build check included); and, as the in-run baseline, the same
 * server from its TypeScript sources through tsx, as `npm start` ran it before the built artifact.
 * `npm run bench:startup` (builds what is stale first); figures go to docs/performance.md.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../tests/helpers/server-process';
import { percentile } from './stats';

const ROOT = join(import.meta.dirname, '..');
const RUNS = Number(process.env.RUNS ?? 5);

/** Milliseconds from spawn to the first healthy answer; the process is then stopped. */
async function startToHealthy(command: string, args: string[], dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, ADMIN_PASSWORD: 'Bench-Password-1', LOG_LEVEL: 'warn', BACKUP_CRON: 'off' },
    stdio: 'ignore',
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${command} ${args.join(' ')} exited with ${child.exitCode}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    // The whole group: npm start's child too.
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }
}

async function measure(label: string, command: string, args: string[], fresh: boolean): Promise<{ label: string; samples: number[] }> {
  const samples: number[] = [];
  const kept = mkdtempSync(join(tmpdir(), 'termboard-bench-start-'));
  if (!fresh) await startToHealthy(process.execPath, ['dist/server/index.js'], kept); // the demo board exists
  for (let i = 0; i < RUNS; i++) {
    const dir = fresh ? mkdtempSync(join(tmpdir(), 'termboard-bench-start-')) : kept;
    samples.push(await startToHealthy(command, args, dir));
    if (fresh) rmSync(dir, { recursive: true, force: true });
  }
  rmSync(kept, { recursive: true, force: true });
  return { label, samples };
}

execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-if-needed.mjs')], { stdio: 'inherit' });
const rows = [];
// Interleaved would be fairer on a busy machine; in turn, each measure gets the same few seconds' load.
rows.push(await measure('baseline: tsx server/index.ts, demo board exists', process.execPath, ['--import', 'tsx', 'server/index.ts'], false));
rows.push(await measure('node dist/server/index.js, demo board exists', process.execPath, ['dist/server/index.js'], false));
rows.push(await measure('node dist/server/index.js, first start (seeds the demo)', process.execPath, ['dist/server/index.js'], true));
rows.push(await measure('npm start, demo board exists', 'npm', ['start', '--silent'], false));

const width = Math.max(...rows.map((r) => r.label.length));
console.log(`start to healthy, ${RUNS} runs each (ms), Node ${process.version}`);
console.log(`${'measure'.padEnd(width)}  ${'p50'.padStart(6)}  ${'max'.padStart(6)}  ratio to baseline`);
const baseline = percentile(rows[0]!.samples, 50);
for (const { label, samples } of rows) {
  const p50 = percentile(samples, 50);
  console.log(`${label.padEnd(width)}  ${p50.toFixed(0).padStart(6)}  ${Math.max(...samples).toFixed(0).padStart(6)}  ${(p50 / baseline).toFixed(2)}`);
}
