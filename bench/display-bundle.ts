/**
 * What the display route (`/display`) downloads: builds the client into a temp folder with a
 * plugin that records every chunk and the modules in it, then follows the chunks a screen loads
 * (the entry, the display page's dynamic chunk, their static imports), gzips each, and names the
 * largest modules. The baseline of the same run: every chunk of the app.
 */
import { gzipSync } from 'node:zlib';
import { buildChunks, moduleName, type Chunk } from './client-chunks';

export interface BundleFigures {
  /** A Vietnamese screen's (the default): the route with the Vietnamese strings only. */
  routeGzip: number;
  /** An English screen's (`&lang=en`): the route with the English strings instead. */
  routeGzipEnglish: number;
  appGzip: number;
  chunks: Array<{ fileName: string; gzip: number; modules: string[] }>;
  largestModules: Array<{ name: string; bytes: number }>;
}

export async function measureDisplayBundle(): Promise<BundleFigures> {
  const chunks = await buildChunks();
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const facade = (path: string) => {
    const found = chunks.find((chunk) => chunk.facade?.endsWith(path));
    if (!found) throw new Error(`no chunk for ${path}`);
    return found.fileName;
  };
  /** The chunks a screen loads: the entry, and the display's entry for the screen's language. */
  const routeOf = (displayEntry: string) => {
    const route = new Set<string>();
    const visit = (fileName: string) => {
      if (route.has(fileName)) return;
      route.add(fileName);
      for (const imported of byName.get(fileName)?.imports ?? []) visit(imported);
    };
    for (const chunk of chunks) if (chunk.isEntry && chunk.fileName.startsWith('assets/')) visit(chunk.fileName);
    // The entry picks the display's own entry for /display, one per language (client/main.tsx).
    visit(facade(displayEntry));
    return [...route].map((fileName) => byName.get(fileName)!).filter(Boolean);
  };
  const gzip = (chunk: Chunk) => gzipSync(chunk.code).length;
  const routeChunks = routeOf('client/displayVi.tsx');
  const modules = new Map<string, number>();
  for (const chunk of routeChunks) for (const [id, bytes] of Object.entries(chunk.modules)) modules.set(moduleName(id), (modules.get(moduleName(id)) ?? 0) + bytes);
  return {
    routeGzip: routeChunks.reduce((sum, chunk) => sum + gzip(chunk), 0),
    routeGzipEnglish: routeOf('client/displayEn.tsx').reduce((sum, chunk) => sum + gzip(chunk), 0),
    appGzip: chunks.filter((chunk) => chunk.fileName.startsWith('assets/')).reduce((sum, chunk) => sum + gzip(chunk), 0),
    chunks: routeChunks
      .map((chunk) => ({
        fileName: chunk.fileName,
        gzip: gzip(chunk),
        modules: Object.entries(chunk.modules).sort((a, b) => b[1] - a[1]).slice(0, 25).map(([id, bytes]) => `${moduleName(id)} ${bytes}`),
      }))
      .sort((a, b) => b.gzip - a.gzip),
    largestModules: [...modules].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes).slice(0, 15),
  };
}
