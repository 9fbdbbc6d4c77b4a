import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** The browser tests run against the built client, built as `npm start` builds it. */
export default function buildClient(): void {
  // The production bundle, as `npm start` serves it (vitest sets NODE_ENV=test otherwise).
  execFileSync(process.execPath, [join(import.meta.dirname, '..', '..', 'scripts', 'build-if-needed.mjs')], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
