import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteDatabase } from '../../server/db/sqlite';
import { WalCheckpointer } from '../../server/db/wal-checkpointer';
import { eventually } from '../helpers/socket-client';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'termboard-wal-'));
  dirs.push(dir);
  return join(dir, 'termboard.db');
}

const size = (file: string) => statSync(file).size;

/** The WAL header's checkpoint sequence number: SQLite adds one each time the WAL starts over. */
function checkpointRound(file: string): number {
  return readFileSync(`${file}-wal`).readUInt32BE(12);
}

/** Resolves once the database file holds every committed page (a checkpoint copies pages in order, the last one last). */
async function copiedWhole(db: SqliteDatabase, file: string): Promise<void> {
  const [{ pages }] = (await db.rows<{ pages: number }>(sql`select page_count as pages from pragma_page_count()`)) as [{ pages: number }];
  await eventually('the worker copied every page into the database file', () => size(file) >= pages * 4096);
}

/** `count` commits of a 2 KB setting each, eight waiting at a time (as requests do). */
async function writeSettings(db: SqliteDatabase, prefix: string, count: number): Promise<void> {
  const value = JSON.stringify('x'.repeat(2000));
  for (let start = 0; start < count; start += 8) {
    await Promise.all(
      Array.from({ length: Math.min(8, count - start) }, (_, i) =>
        db.transaction(() => db.execute(sql`insert into settings (key, value) values (${`${prefix}${start + i}`}, ${value})`)),
      ),
    );
  }
}

describe('WAL checkpoints off the event loop', () => {
  it('copies the WAL into the database on its own thread, and the WAL starts over instead of growing', async () => {
    const file = tempFile();
    const db = new SqliteDatabase(file);
    try {
      // The writer never checkpoints in a COMMIT: the worker does.
      expect(db.writerClient.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      // ~3,000 pages: past the 1,000 at which SQLite's own checkpoint would have run in a COMMIT.
      await writeSettings(db, 'first-', 1500);
      await copiedWhole(db, file);
      const round = checkpointRound(file);

      // Copied whole, the WAL is written again from its start (a new round in its header), not
      // after what it held: the write that starts it over leaves the file no larger. (Writes
      // before the worker has marked it copied still go after the last frame.)
      let probes = 0;
      let grewAtRestart = -1;
      await eventually('a write starts the WAL over', async () => {
        const before = size(`${file}-wal`);
        await writeSettings(db, `probe-${probes++}-`, 1);
        if (checkpointRound(file) === round) return false;
        grewAtRestart = size(`${file}-wal`) - before;
        return true;
      });
      expect(grewAtRestart).toBe(0);
      await writeSettings(db, 'third-', 1500);
      await copiedWhole(db, file);
      expect(await db.rows<{ n: number }>(sql`select count(*) as n from settings where key like 'third-%'`)).toEqual([{ n: 1500 }]);
    } finally {
      await db.close();
    }
    // Closed, the last connection leaves no WAL behind.
    expect(() => size(`${file}-wal`)).toThrow();
  });

  it('tells the writer when its worker stops, so that the writer checkpoints again', async () => {
    const failures: unknown[] = [];
    // A database the worker cannot open.
    const checkpointer = new WalCheckpointer(join(tempFile(), 'missing', 'termboard.db'), (error) => failures.push(error));
    checkpointer.committed();
    await eventually('the failure is reported', () => failures.length === 1);
    expect(String(failures[0])).toMatch(/directory does not exist|unable to open/i);
    await checkpointer.close();
  });
});
