import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Every change a board shows goes through the write pipeline (server/changes/write-pipeline.ts):
 * checked, written, logged and audited in one transaction, then published after the commit. These
 * checks fail as soon as a new kind of change finds another way into the change log or to the
 * screens, or a service that writes board data opens its own transaction.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const WRITER = 'server/changes/change-log.writer.ts';
const PIPELINE = 'server/changes/write-pipeline.ts';
const PUBLISHER = 'server/changes/change-publisher.ts';
/** The demo seed writes history before any screen exists (no audit, nothing to publish). */
const SEED = 'server/seed/seed.ts';
/** Features whose writes no board shows (sign-in, users, tokens, screens, exports, reminders and alerts): their own transactions are fine. */
const NOT_ON_THE_BOARD = new Set(['auth', 'users', 'tokens', 'displays', 'exports', 'audit', 'notifications']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'db' ? [] : sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const files = sources(join(ROOT, 'server')).map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));

function offenders(pattern: RegExp, allowed: (path: string) => boolean): string[] {
  return files.flatMap(({ path, text }) =>
    allowed(path) ? [] : text.split('\n').flatMap((line, i) => (pattern.test(line) ? [`${path}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe('the write pipeline is the only way a change reaches a board', () => {
  it('finds the server sources and the pipeline', () => {
    expect(files.length).toBeGreaterThan(40);
    for (const path of [WRITER, PIPELINE, PUBLISHER]) expect(files.some((f) => f.path === path)).toBe(true);
  });

  it('only the change-log writer inserts into the change log or moves a term seq counter', () => {
    // Drizzle (`insert(changes)`, `.set({ lastSeq`) and raw SQL alike.
    expect(offenders(/insert\(\s*(this\.db\.tables\.|db\.tables\.|tables\.)?changes\b|lastSeq:\s*sql|insert\s+into\s+"?changes|last_seq\s*=/i, (path) => path === WRITER)).toEqual([]);
  });

  it('only the pipeline (and the seed of the demo history) uses the change-log writer', () => {
    expect(offenders(/ChangeLogWriter/, (path) => path === WRITER || path === PIPELINE || path === SEED)).toEqual([]);
  });

  it('only the publisher tells the broadcaster about board changes', () => {
    const boardChanges = /\.(changesCommitted|indicatorUpdated|indicatorsUpdated|snapshot|moveBoard)\(/;
    expect(offenders(boardChanges, (path) => path === PUBLISHER || path.startsWith('server/realtime/'))).toEqual([]);
  });

  it('no service of board data opens its own transaction: it runs a unit of work', () => {
    const own = offenders(/\.transaction\(/, (path) => !path.endsWith('.service.ts') || NOT_ON_THE_BOARD.has(path.split('/')[1]!));
    expect(own).toEqual([]);
  });

  it('no service calls the broadcaster or knows HTTP statuses', () => {
    const services = (path: string) => !path.endsWith('.service.ts') || path.startsWith('server/realtime/') || NOT_ON_THE_BOARD.has(path.split('/')[1]!);
    expect(offenders(/Broadcaster|from '\.\.\/http\//, services)).toEqual([]);
  });
});
