import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * One repository layer serves SQLite and PostgreSQL (server/db/database.ts): only the query
 * builder both dialects share may be used outside server/db. These are SQLite-only, or would
 * bind a query to the connection it was built on.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const FORBIDDEN: Array<[RegExp, string]> = [
  [/(\)|^\s*)\.(get|all|run)\(\s*\)/, 'better-sqlite3 style execution: await the query instead'],
  [/\.prepare\(/, 'a prepared statement is bound to one dialect and connection'],
  [/\$client/, 'the driver underneath the data layer'],
  [/from ['"](\.\.\/)+db\/schema(\.pg)?['"]/, 'a value import of a schema: take tables from Database.tables (type imports are fine)'],
  [/better-sqlite3|drizzle-orm\/(better-sqlite3|node-postgres)|from ['"]pg['"]/, 'a driver'],
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'db' ? [] : sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('the server speaks to the database only through the shared query builder', () => {
  const files = sources(join(ROOT, 'server'));

  it('finds the server sources', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(FORBIDDEN)('nothing outside server/db uses %s', (pattern, why) => {
    const offenders = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (pattern.test(line) && !/^\s*import type/.test(line) ? [`${relative(ROOT, file)}:${i + 1}: ${line.trim()} (${why})`] : [])),
    );
    expect(offenders).toEqual([]);
  });
});
