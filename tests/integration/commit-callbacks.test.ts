import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDatabase, type TempDatabase } from '../helpers/temp-db';

let store: TempDatabase | undefined;
afterEach(() => store?.remove());

const insert = (db: TempDatabase['db'], key: string) => db.execute(sql`insert into settings (key, value) values (${key}, '1')`);

describe("a transaction's `committed` callback (what screens are told by)", () => {
  it('runs once each unit has committed, in commit order, before the transaction resolves; never for one rolled back', async () => {
    store = await tempDatabase();
    const { db } = store;
    const events: string[] = [];
    const unit = (name: string, fail = false) =>
      db
        .transaction(
          async () => {
            await insert(db, name);
            if (fail) throw new Error(`${name} refused`);
            events.push(`${name} ran`);
          },
          () => events.push(`${name} committed`),
        )
        .then(
          () => events.push(`${name} resolved`),
          () => events.push(`${name} rejected`),
        );
    // Waiting together, they share a commit on SQLite; one after the other on PostgreSQL.
    await Promise.all([unit('a'), unit('b', true), unit('c')]);
    expect(events.filter((event) => event.endsWith('committed'))).toEqual(['a committed', 'c committed']);
    for (const name of ['a', 'c']) expect(events.indexOf(`${name} committed`)).toBeLessThan(events.indexOf(`${name} resolved`));
    expect(events).toContain('b rejected');
    expect(await db.rows<{ key: string }>(sql`select key from settings where key in ('a', 'b', 'c') order by key`)).toEqual([{ key: 'a' }, { key: 'c' }]);
  });

  it('runs a nested call’s callback when the outer transaction commits, not when the nested work returns', async () => {
    store = await tempDatabase();
    const { db } = store;
    const events: string[] = [];
    await db.transaction(
      async () => {
        await db.transaction(() => insert(db, 'inner'), () => events.push('inner committed'));
        events.push('inner returned');
        await insert(db, 'outer');
      },
      () => events.push('outer committed'),
    );
    expect(events).toEqual(['inner returned', 'outer committed', 'inner committed']);

    // An outer transaction that fails takes the nested one's callback with it.
    await expect(
      db.transaction(async () => {
        await db.transaction(() => insert(db, 'lost'), () => events.push('lost committed'));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(events).not.toContain('lost committed');
  });
});
