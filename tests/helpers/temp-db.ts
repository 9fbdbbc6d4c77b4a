import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseFile, openDatabase, type Db } from '../../server/db/client';

/** A real SQLite file in a fresh temporary directory, migrated. */
export function tempDatabase(): { db: Db; dir: string; file: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'termboard-test-'));
  const file = databaseFile(dir);
  const db = openDatabase(file);
  return {
    db,
    dir,
    file,
    remove() {
      if (db.$client.open) db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
