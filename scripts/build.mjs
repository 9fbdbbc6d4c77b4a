// The production artifact: the client bundled by Vite into dist/client, the server (and its
// console commands) bundled by esbuild into dist/server, plain JavaScript that `node` runs with
// no TypeScript loader. npm packages stay external: `npm ci --omit=dev` provides them.
// `npm run build` builds both; scripts/build-if-needed.mjs builds what is stale.
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const serverOut = join(projectRoot, 'dist', 'server');

/** What each part is built from, and the file whose presence says it was built. */
export const parts = {
  client: {
    built: join(projectRoot, 'dist', 'client', 'index.html'),
    // package-lock.json too: a dependency upgrade changes the bundle.
    sources: ['client', 'shared', 'vite.config.ts', 'package-lock.json'],
    build: buildClient,
  },
  server: {
    built: join(serverOut, 'index.js'),
    sources: ['server', 'shared', 'package-lock.json', 'scripts/build.mjs'],
    build: buildServer,
  },
};

/**
 * Entry points: the server, the commands for the person at the console, and the spreadsheet
 * parser's worker thread (server/imports/parse-file.ts starts it from dist/server/imports/).
 */
const SERVER_ENTRIES = ['server/index.ts', 'server/cli/admin.ts', 'server/cli/backup.ts', 'server/cli/restore.ts', 'server/imports/parse-worker.ts'];

export async function buildClient() {
  const vite = await import('vite');
  await vite.build({ configFile: join(projectRoot, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
}

export async function buildServer() {
  const esbuild = await import('esbuild');
  rmSync(serverOut, { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: projectRoot,
    entryPoints: SERVER_ENTRIES,
    outdir: serverOut,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    // node_modules are the production install's, resolved at run time from dist/server.
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  // The migrations are read at start from beside the code (server/db/sqlite.ts, postgres.ts).
  cpSync(join(projectRoot, 'server', 'db', 'migrations'), join(serverOut, 'migrations'), { recursive: true });
  cpSync(join(projectRoot, 'server', 'db', 'migrations-pg'), join(serverOut, 'migrations-pg'), { recursive: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const which = process.argv[2] ? [process.argv[2]] : Object.keys(parts);
  for (const name of which) {
    const started = Date.now();
    await parts[name].build();
    console.log(`termboard: ${name} built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
