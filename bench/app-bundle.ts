/**
 * What the signed-in app's first route downloads: builds the client into a temp folder with a
 * plugin that records every chunk and its modules, then follows what a browser opening `/` loads
 * (the entry, `appMain`, their static imports, and the lazy chunk of the board's route), gzips
 * each and names the largest modules; and every route's own chunk. The baseline of the same run:
 * every chunk of the app. `npm run bench:app`; figures go to docs/performance.md.
 */
import { gzipSync } from 'node:zlib';
import { buildChunks, moduleName, type Chunk } from './client-chunks';

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

const chunks = (await buildChunks()).filter((chunk) => chunk.fileName.startsWith('assets/'));
const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
const gzip = (chunk: Chunk) => gzipSync(chunk.code).length;
/** A chunk and everything it imports statically: what the browser fetches before it runs. */
function closure(start: Chunk[]): Set<string> {
  const seen = new Set<string>();
  const visit = (fileName: string) => {
    if (seen.has(fileName)) return;
    seen.add(fileName);
    for (const imported of byName.get(fileName)?.imports ?? []) visit(imported);
  };
  for (const chunk of start) visit(chunk.fileName);
  return seen;
}
const byFacade = (suffix: string) => chunks.find((chunk) => chunk.facade?.endsWith(suffix));

const entry = chunks.filter((chunk) => chunk.isEntry);
const appMain = byFacade('client/appMain.tsx');
if (!appMain) throw new Error('no chunk for client/appMain.tsx');
// The board's page: its own lazy chunk.
const boardPage = byFacade('client/features/board/routes/BoardPage.tsx');
const firstRoute = closure([...entry, appMain, ...(boardPage ? [boardPage] : [])]);
const routeChunks = [...firstRoute].map((fileName) => byName.get(fileName)!).filter(Boolean);
const firstGzip = routeChunks.reduce((sum, chunk) => sum + gzip(chunk), 0);
const appGzip = chunks.reduce((sum, chunk) => sum + gzip(chunk), 0);

console.log(`signed-in app, first route (/) JavaScript: ${kB(firstGzip)} gzipped (goal ≤ 150 kB); the whole app's: ${kB(appGzip)}`);
for (const chunk of routeChunks.sort((a, b) => gzip(b) - gzip(a))) console.log(`  ${chunk.fileName.padEnd(48)} ${kB(gzip(chunk)).padStart(9)}`);
const modules = new Map<string, number>();
for (const chunk of routeChunks) for (const [id, bytes] of Object.entries(chunk.modules)) modules.set(moduleName(id), (modules.get(moduleName(id)) ?? 0) + bytes);
console.log('largest modules on the first route (bytes before minifying):');
for (const [name, bytes] of [...modules].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${name.padEnd(48)} ${String(bytes).padStart(9)}`);

// Each page's own chunk: a lazily loaded chunk whose facade is a page, with what it adds beyond the first route.
console.log('each page: its chunk, and what it loads beyond the first route (gzipped):');
const pages = chunks.filter((chunk) => chunk.facade && /client\/(pages|features\/[^/]+\/routes)\/[^/]+Page\.tsx$/.test(chunk.facade));
for (const page of pages.sort((a, b) => a.facade!.localeCompare(b.facade!))) {
  const extra = [...closure([page])].filter((fileName) => !firstRoute.has(fileName)).map((fileName) => byName.get(fileName)!);
  const name = moduleName(page.facade!);
  console.log(`  ${name.padEnd(52)} ${kB(gzip(page)).padStart(9)}  +${kB(extra.reduce((sum, chunk) => sum + gzip(chunk), 0)).padStart(9)}`);
}
