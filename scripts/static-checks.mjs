// The checks `npm test` makes before the tests: the type check and the linter, side by side (each
// leaves a core idle for much of its run). Their output is kept apart and printed as each ends;
// the exit code is the first failure's.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(import.meta.dirname, '..', 'node_modules', '.bin');

const CHECKS = [
  ['tsc', '--noEmit'],
  ['eslint'],
];

const results = await Promise.all(
  CHECKS.map(
    ([command, ...args]) =>
      new Promise((resolve) => {
        const started = performance.now();
        const child = spawn(join(BIN, command), args, { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        child.on('close', (code) => {
          process.stdout.write(`${output}${command}: ${code === 0 ? 'ok' : `failed (${code})`} in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
          resolve({ command, code: code ?? 1 });
        });
      }),
  ),
);
process.exitCode = results.find((result) => result.code !== 0)?.code ?? 0;
