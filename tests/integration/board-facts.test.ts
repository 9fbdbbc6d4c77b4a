import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoardRepository } from '../../server/board/board.repository';
import { seedDemo } from '../../server/seed/seed';
import { sqlRows } from '../helpers/sql';
import { tempDatabase, testDialect, type TempDatabase } from '../helpers/temp-db';

const TEST_NOW = Date.parse('2026-11-20T03:00:00Z');

describe(`the readings a write computes from (${testDialect})`, () => {
  let store: TempDatabase;
  let busy: number;
  let quiet: number;
  let before: Map<number, number>;
  beforeAll(async () => {
    store = await tempDatabase();
    await seedDemo(store.db, TEST_NOW, 'Asia/Ho_Chi_Minh');
    const ids = await sqlRows<{ id: number }>(store.db, sql`select id from indicators order by id`);
    [busy, quiet] = [ids[0]!.id, ids[1]!.id];
    const counts = await sqlRows<{ id: number; n: number }>(store.db, sql`select indicator_id as id, cast(count(*) as integer) as n from readings group by indicator_id`);
    before = new Map(counts.map(({ id, n }) => [id, n]));
    // More than two pages of one indicator's history (a page is 5,000 readings).
    const { readings } = store.db.tables;
    await store.db.transaction(() =>
      store.db.insertMany(
        readings,
        Array.from({ length: 12_345 }, (_, i) => ({ indicatorId: busy, date: '2026-01-15', value: i, createdAt: TEST_NOW })),
      ),
    );
  });
  afterAll(() => store?.remove());

  it('reads every reading of each indicator named, once, however many pages it takes', async () => {
    const facts = await new BoardRepository(store.db).factsOfIndicators([busy, quiet, 999_999]);
    expect(facts.get(busy)!.length).toBe((before.get(busy) ?? 0) + 12_345);
    expect(facts.get(quiet)!.length).toBe(before.get(quiet) ?? 0);
    expect(facts.get(999_999)).toEqual([]);
    const ids = facts.get(busy)!.map((fact) => fact.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(facts.get(busy)!.filter((fact) => fact.date === '2026-01-15' && fact.createdAt === TEST_NOW).map((fact) => fact.value)).toEqual(
      Array.from({ length: 12_345 }, (_, i) => i),
    );
  });
});
