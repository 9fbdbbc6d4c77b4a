import { getTableColumns, getTableName, is, Table } from 'drizzle-orm';
import { getTableConfig as pgTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as pgSchema from '../../server/db/schema.pg';
import * as sqliteSchema from '../../server/db/schema';

/*
 * Repositories are typed against schema.ts and run on schema.pg.ts when DATABASE_URL is set:
 * the twins must have the same tables, columns, JavaScript types, nullability and indexes.
 */

function tables(schema: Record<string, unknown>): Map<string, Table> {
  return new Map(Object.entries(schema).filter((entry): entry is [string, Table] => is(entry[1], Table)));
}

function shape(table: Table) {
  return Object.fromEntries(
    Object.entries(getTableColumns(table)).map(([key, column]) => [
      key,
      { name: column.name, dataType: column.dataType, notNull: column.notNull, primary: column.primary, hasDefault: column.hasDefault },
    ]),
  );
}

function indexes(table: Table) {
  const config = is(table, PgTable) ? pgTableConfig(table) : sqliteTableConfig(table as SQLiteTable);
  return {
    indexes: config.indexes.map((index) => ({ name: index.config.name, unique: index.config.unique, partial: index.config.where !== undefined })).sort((a, b) => String(a.name).localeCompare(String(b.name))),
    primaryKeys: config.primaryKeys.map((key) => key.columns.map((column) => column.name)),
    foreignKeys: config.foreignKeys.map((key) => key.reference().columns.map((column) => column.name).join(',') + '→' + getTableName(key.reference().foreignTable)).sort(),
  };
}

describe('the PostgreSQL schema is the twin of the SQLite one', () => {
  const sqlite = tables(sqliteSchema);
  const pg = tables(pgSchema);

  it('has the same tables under the same names', () => {
    expect([...pg.keys()].sort()).toEqual([...sqlite.keys()].sort());
    for (const [key, table] of sqlite) expect(getTableName(pg.get(key)!)).toBe(getTableName(table));
  });

  it.each([...sqlite.keys()])('%s has the same columns, types and constraints', (key) => {
    expect(shape(pg.get(key)!)).toEqual(shape(sqlite.get(key)!));
    expect(indexes(pg.get(key)!)).toEqual(indexes(sqlite.get(key)!));
  });
});
