// Builds the client (vite build) when dist/client is missing or older than its sources, so that
// `npm start` on a fresh clone serves a current UI. Silent when the build is up to date.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const builtIndex = join(projectRoot, 'dist', 'client', 'index.html');
// What the bundle is made of. package-lock.json too: a dependency upgrade changes the bundle.
const sources = ['client', 'shared', 'vite.config.ts', 'package-lock.json'].map((p) => join(projectRoot, p));

/** Latest modification time (ms) of a file or of any file below a directory; 0 when absent. */
function newestMtime(path) {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.isSymbolicLink()) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

function builtAt() {
  try {
    return statSync(builtIndex).mtimeMs;
  } catch {
    return null;
  }
}

const built = builtAt();
const sourcesChanged = built === null ? true : sources.some((source) => newestMtime(source) > built);
if (!sourcesChanged) process.exit(0);

const reason = built === null ? 'dist/client is missing' : 'client sources changed since the last build';
let vite;
try {
  vite = await import('vite');
} catch {
  // vite is a devDependency: an install without dev dependencies can still serve an existing build.
  if (built !== null) {
    console.warn(`termboard: ${reason}, but vite is not installed; serving the existing build`);
    process.exit(0);
  }
  console.error('termboard: dist/client is missing and vite is not installed: run `npm install` (with dev dependencies)');
  process.exit(1);
}

console.log(`termboard: building the client (${reason})`);
const started = Date.now();
try {
  await vite.build({
    configFile: join(projectRoot, 'vite.config.ts'),
    logLevel: 'warn',
    mode: 'production',
  });
} catch (error) {
  console.error('termboard: the client build failed');
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
}
if (!existsSync(builtIndex)) {
  console.error(`termboard: the client build did not produce ${builtIndex}`);
  process.exit(1);
}
console.log(`termboard: client built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
