import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createPostgresDatabase, TEST_DATABASE_URL } from './temp-db';

const ROOT = join(import.meta.dirname, '..', '..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'termboard-proc-'));
}

/**
 * Where a spawned server keeps its data: a DATA_DIR, and on the PostgreSQL pass of the suite
 * (TEST_DATABASE_URL) a database of its own as DATABASE_URL.
 */
export interface TempStore {
  dataDir: string;
  env: Record<string, string>;
  remove(): Promise<void>;
}

export async function tempStore(): Promise<TempStore> {
  const dataDir = tempDataDir();
  const database = TEST_DATABASE_URL ? await createPostgresDatabase(TEST_DATABASE_URL) : undefined;
  return {
    dataDir,
    env: { DATA_DIR: dataDir, ...(database ? { DATABASE_URL: database.url } : {}) },
    async remove() {
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/**
 * Runs the built server as `npm start` does (`node dist/server/index.js`, built by the projects'
 * global setup: tests/helpers/build-server.ts), in its own process.
 */
export function spawnServer(env: Record<string, string>, port: number): ServerProcess {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'server', 'index.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, url: `http://127.0.0.1:${port}`, output: () => output, exited };
}

/** Waits until /api/health answers 200, or fails with what the process printed (the deadline is for a machine under load). */
export async function waitHealthy(server: ServerProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let ended = false;
  void server.exited.then(() => (ended = true));
  while (Date.now() < deadline && !ended) {
    try {
      if ((await fetch(`${server.url}/api/health`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not become healthy:\n${server.output()}`);
}

/**
 * The servers and stores a test file spawns, killed (SIGKILL) and removed after each test. Call
 * at the top of the file.
 */
export function spawnedServers(): { store(): Promise<TempStore>; start(env: Record<string, string>, port: number): ServerProcess } {
  const running: ServerProcess[] = [];
  const stores: TempStore[] = [];
  afterEach(async () => {
    const stopping = running.splice(0);
    for (const server of stopping) server.child.kill('SIGKILL');
    await Promise.all(stopping.map((server) => server.exited));
    await Promise.all(stores.splice(0).map((store) => store.remove()));
  });
  return {
    async store() {
      const store = await tempStore();
      stores.push(store);
      return store;
    },
    start(env, port) {
      const server = spawnServer(env, port);
      running.push(server);
      return server;
    },
  };
}

/** Runs a console command as `npm run <name>` does: `node dist/server/cli/<name>.js`. */
export function runCli(name: 'admin' | 'backup' | 'restore', args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'server', 'cli', `${name}.js`), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
