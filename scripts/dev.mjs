// Development: the API server (tsx watch, on API_PORT) and the Vite dev server (which proxies
// /api and /socket.io to it) run together. A signal is passed on to both; when either exits, the
// other is stopped and this process exits with the first one's code.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const apiPort = process.env.API_PORT ?? '3000';
if (!/^\d+$/.test(apiPort) || Number(apiPort) < 1 || Number(apiPort) > 65535) {
  console.error(`dev: API_PORT must be a port number (1–65535), got "${apiPort}"`);
  process.exit(1);
}
/** How long a child may take to shut down after a signal before it is killed. */
const STOP_TIMEOUT_MS = 10_000;

/** The JS entry of a package's command, run with this Node (no npx or shell in between). */
function binOf(pkg, command) {
  const manifest = JSON.parse(readFileSync(join(projectRoot, 'node_modules', pkg, 'package.json'), 'utf8'));
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[command];
  return join(projectRoot, 'node_modules', pkg, bin);
}

const children = [];
let stopping = false;
let exitCode = 0;

const running = (child) => child.pid !== undefined && child.exitCode === null && child.signalCode === null;

function start(name, args, env) {
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    // Each child leads its own process group so a Ctrl-C in the terminal reaches it once, through
    // us: tsx watch treats a second SIGINT as "kill -9", which would skip the server's shutdown.
    // Neither reads the terminal then (a background group would be stopped by SIGTTIN).
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('error', (error) => {
    console.error(`dev: could not start ${name}: ${error.message}`);
    stop(1);
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`dev: ${name} exited (${signal ?? `code ${code}`}); stopping the rest`);
      stop(code ?? 1);
    }
    if (!children.some(running)) process.exit(exitCode);
  });
  children.push(child);
  return child;
}

function stop(code, signal = 'SIGTERM') {
  if (stopping) {
    // Asked again: stop waiting for a graceful end.
    for (const child of children) if (running(child)) child.kill('SIGKILL');
    return;
  }
  stopping = true;
  exitCode = code;
  for (const child of children) if (running(child)) child.kill(signal);
  setTimeout(() => {
    for (const child of children) if (running(child)) child.kill('SIGKILL');
  }, STOP_TIMEOUT_MS).unref();
  if (!children.some(running)) process.exit(exitCode);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => stop(0, signal));
}
// Never leave a child running behind us, whatever ends this process.
process.on('exit', () => {
  for (const child of children) if (running(child)) child.kill('SIGKILL');
});

start('API server', [binOf('tsx', 'tsx'), 'watch', 'server/index.ts'], { PORT: apiPort });
start('Vite', [binOf('vite', 'vite')], { API_PORT: apiPort });
