import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, tempDataDir, waitHealthy, type ServerProcess } from '../helpers/server-process';
import { uploadFile } from '../helpers/multipart';
import { api, signIn } from '../helpers/start-test-server';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
/** What a production install must not contain: build and test tools, and the client's libraries (bundled into dist/client). */
const DEV_ONLY = ['vite', 'esbuild', 'tsx', 'typescript', 'rolldown', '@vitejs/plugin-react', 'vitest', 'drizzle-kit', 'eslint', 'react', 'react-dom', 'recharts', 'pngjs', 'socket.io-client'];

let app: string;
let dataDir: string;
let server: ServerProcess | undefined;

/**
 * The built artifact with production dependencies only, as `npm run build` then `npm ci
 * --omit=dev` leave it: dist/ and package*.json copied, node_modules hard-linked from this
 * checkout (no download, no native rebuild) and pruned of dev dependencies by npm itself.
 */
beforeAll(async () => {
  await run(process.execPath, [join(ROOT, 'scripts', 'build-if-needed.mjs')], { cwd: ROOT });
  app = mkdtempSync(join(tmpdir(), 'termboard-production-'));
  for (const file of ['package.json', 'package-lock.json']) cpSync(join(ROOT, file), join(app, file));
  cpSync(join(ROOT, 'dist'), join(app, 'dist'), { recursive: true });
  await run('cp', ['-al', join(ROOT, 'node_modules'), join(app, 'node_modules')]);
  // npm rewrites its hidden lockfile in place: that one must not be shared with the checkout.
  rmSync(join(app, 'node_modules', '.package-lock.json'), { force: true });
  await run('npm', ['prune', '--omit=dev', '--offline', '--no-audit', '--no-fund'], { cwd: app, env: { ...process.env, npm_config_loglevel: 'error' } });
  dataDir = tempDataDir();
}, 180_000);

afterAll(async () => {
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
  // Either may be unset when the set-up did not get that far: its own failure is the one to see.
  for (const dir of [app, dataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** `npm start`'s command, without npm: the built server under plain node, no TypeScript loader. */
function startBuilt(port: number): ServerProcess {
  const child = spawn(process.execPath, [join(app, 'dist', 'server', 'index.js')], {
    cwd: app,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, ADMIN_PASSWORD: 'Admin-Password-1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, url: `http://127.0.0.1:${port}`, output: () => output, exited };
}

describe('the built artifact on a production install', () => {
  it('lists no build or test tools among its dependencies', () => {
    const installed = readdirSync(join(app, 'node_modules'));
    expect(DEV_ONLY.filter((name) => existsSync(join(app, 'node_modules', name, 'package.json')))).toEqual([]);
    expect(existsSync(join(app, 'node_modules', '.bin', 'tsx'))).toBe(false);
    expect(installed).toEqual(expect.arrayContaining(['fastify', 'better-sqlite3', 'socket.io', 'drizzle-orm']));
  });

  it('starts with plain node: serves the prebuilt client, the API and the demo board, and stops cleanly', async () => {
    server = startBuilt(await freePort());
    await waitHealthy(server);
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const cookie = await signIn(server.url, 'admin', 'Admin-Password-1');
    const { status, body } = await api(server, 'GET', '/api/board', { cookie });
    expect(status).toBe(200);
    expect(body.indicators.length).toBe(15);
    // Spreadsheets are read in a worker thread of its own: it must start from the build too, with no TypeScript loader.
    const code = (body.indicators as Array<{ code: string; measure: string }>).find((i) => i.measure === 'count')!.code;
    const preview = await uploadFile(`${server.url}/api/imports`, 'readings.csv', `code,date,value\n${code},2026-11-20,1\n`, { cookie });
    expect(preview.status).toBe(201);
    expect(preview.body.counts).toMatchObject({ new: 1, error: 0 });
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toBe(`termboard is serving on ${server.url}\n`);
  });
});
