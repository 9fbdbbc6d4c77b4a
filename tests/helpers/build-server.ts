import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Global setup of the integration and cluster projects: the tests that spawn termboard run the
 * built server (dist/server), as `npm start` does; built here when its sources changed (esbuild,
 * under a second).
 */
export default function buildServer(): void {
  execFileSync(process.execPath, [join(import.meta.dirname, '..', '..', 'scripts', 'build-if-needed.mjs'), 'server'], { stdio: 'inherit' });
}
