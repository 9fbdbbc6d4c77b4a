import BetterSqlite3 from 'better-sqlite3';
import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * Damages an SQLite file as a failing disk would: the root pages of the given tables are
 * overwritten with garbage, so every read of them fails ("database disk image is malformed")
 * while the file still opens. The database must be closed (no -wal file) when this is called.
 */
export function corruptTables(file: string, tables: string[]): void {
  const probe = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  const pageSize = probe.pragma('page_size', { simple: true }) as number;
  const roots = tables.map((name) => {
    const row = probe.prepare(`select rootpage from sqlite_master where type = 'table' and name = ?`).get(name) as { rootpage: number } | undefined;
    if (!row) throw new Error(`no table ${name} in ${file}`);
    return row.rootpage;
  });
  probe.close();
  const fd = openSync(file, 'r+');
  try {
    for (const root of roots) writeSync(fd, Buffer.alloc(pageSize, 0xff), 0, pageSize, (root - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}
