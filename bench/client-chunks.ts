/**
 * The client's build as a bench sees it: built into a temp folder by Vite with this project's
 * config, every chunk recorded with its code, imports and the size of each module in it. Shared by
 * bench:display (the screen's route) and bench:app (the signed-in app's first route).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Plugin } from 'vite';

export interface Chunk {
  fileName: string;
  code: string;
  isEntry: boolean;
  facade: string | null;
  imports: string[];
  dynamicImports: string[];
  modules: Record<string, number>;
}

export async function buildChunks(): Promise<Chunk[]> {
  const outDir = await mkdtemp(join(tmpdir(), 'termboard-bundle-'));
  const chunks: Chunk[] = [];
  const record: Plugin = {
    name: 'record-chunks',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        chunks.push({
          fileName: output.fileName,
          code: output.code,
          isEntry: output.isEntry,
          facade: output.facadeModuleId,
          imports: output.imports,
          dynamicImports: output.dynamicImports,
          modules: Object.fromEntries(Object.entries(output.modules).map(([id, module]) => [id, module.renderedLength])),
        });
      }
    },
  };
  try {
    await build({ configFile: join(import.meta.dirname, '..', 'vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true }, plugins: [record] });
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
  return chunks;
}

/** A module's name as people know it: the package under node_modules, else the source path. */
export function moduleName(id: string): string {
  const inPackages = id.split('node_modules/').at(-1)!;
  if (inPackages !== id) return inPackages.startsWith('@') ? inPackages.split('/').slice(0, 2).join('/') : inPackages.split('/')[0]!;
  return id.replace(/^.*?\/(client|shared)\//, '$1/');
}
