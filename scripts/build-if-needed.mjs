// Builds what is missing or older than its sources (the client into dist/client, the server into
// dist/server: scripts/build.mjs), so that `npm start` on a fresh clone serves current code.
// Silent and quick when everything is built. Vite and esbuild are dev dependencies: a production
// install (`npm ci --omit=dev`) serves the build it was given. Arguments name the parts to check
// (`server`, `client`); none: both.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parts, projectRoot } from './build.mjs';

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

function builtAt(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/** Whether the build tools are installed (a production install has none). */
async function canBuild() {
  try {
    await import('vite');
    await import('esbuild');
    return true;
  } catch {
    return false;
  }
}

/** Builds the stale parts among `wanted` (none: all); exits the process when one cannot be built. */
export async function buildIfNeeded(wanted = []) {
  let tools;
  for (const [name, part] of Object.entries(parts)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    const built = builtAt(part.built);
    // Without the sources (an artifact copied without them) there is nothing to compare.
    const stale = built === null || part.sources.some((source) => newestMtime(join(projectRoot, source)) > built);
    if (!stale) continue;
    const reason = built === null ? `dist/${name} is missing` : `the ${name}'s sources changed since the last build`;
    tools ??= await canBuild();
    if (!tools) {
      if (built !== null) {
        console.warn(`termboard: ${reason}, but the build tools are not installed (production install); serving the existing build`);
        continue;
      }
      console.error(`termboard: dist/${name} is missing and the build tools are not installed: run \`npm install\` (with dev dependencies), then \`npm run build\``);
      process.exit(1);
    }
    console.log(`termboard: building the ${name} (${reason})`);
    const started = Date.now();
    try {
      await part.build();
    } catch (error) {
      console.error(`termboard: the ${name} build failed`);
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    }
    if (!existsSync(part.built)) {
      console.error(`termboard: the ${name} build did not produce ${part.built}`);
      process.exit(1);
    }
    console.log(`termboard: ${name} built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildIfNeeded(process.argv.slice(2));
