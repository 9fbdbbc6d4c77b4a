import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseFile, openDatabase } from '../server/db/client';
import type { Database } from '../server/db/database';

export interface BenchDatabase {
  db: Database;
  /** DATA_DIR: the SQLite file and the exports. */
  dir: string;
  /** The SQLite file, for the raw better-sqlite3 baseline. */
  file: string;
  remove(): Promise<void>;
}

/**
 * A fresh, migrated SQLite database in a temporary DATA_DIR: the embedded default the figures in
 * docs/performance.md are for (the baseline reads its file directly).
 */
export async function benchDatabase(): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'termboard-bench-'));
  const db = await openDatabase({ dataDir: dir });
  return {
    db,
    dir,
    file: databaseFile(dir),
    async remove() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
