import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPLAY_WINDOW } from '../../server/changes/change-log.repository';
import { ChangeLogWriter, type ChangeEntry } from '../../server/changes/change-log.writer';
import { sqlRows } from '../helpers/sql';
import { tempDatabase, type TempDatabase } from '../helpers/temp-db';

describe('the change log', () => {
  let store: TempDatabase;
  let termId: number;
  beforeAll(async () => {
    store = await tempDatabase();
    const { terms } = store.db.tables;
    termId = await store.db.transaction(async () => {
      const [term] = await store.db.orm
        .insert(terms)
        .values({ name: 'Nhiệm kỳ thử', startDate: '2025-01-01', endDate: '2030-12-31', isCurrent: true, createdAt: 0 })
        .returning({ id: terms.id });
      return term!.id;
    });
  });
  afterAll(() => store?.remove());

  it('keeps the payloads of the last REPLAY_WINDOW changes and lets go of every older one, whatever the sizes of the units', async () => {
    const writer = new ChangeLogWriter(store.db);
    const entry: ChangeEntry = { kind: 'term', indicatorId: null, readingId: null, payload: '{"kept":true}' };
    // Units of 1 to 250 changes: some cross no hundred, some one, some several; and one larger
    // than the window, whose oldest entries are past it as they are written.
    const sizes = [1, 37, 250, 99, 1, REPLAY_WINDOW + 250, 1, 100, 163, 7];
    let last = 0;
    for (let unit = 0; last < REPLAY_WINDOW + 1_500; unit++) {
      const count = sizes[unit % sizes.length]!;
      last = (await store.db.transaction(() => writer.append(termId, Array.from({ length: count }, () => entry), 0))) + count - 1;
    }
    const rows = await sqlRows<{ seq: number; kept: number }>(
      store.db,
      sql`select cast(seq as integer) as seq, cast(payload is not null as integer) as kept from changes where term_id = ${termId} order by seq`,
    );
    expect(rows.length).toBe(last);
    // Pruned when a hundred is crossed: at most the changes since the last hundred are older than the window and still kept.
    const lastHundred = Math.floor(last / 100) * 100;
    const stale = rows.filter((row) => row.kept === 1 && row.seq <= lastHundred - REPLAY_WINDOW);
    expect(stale).toEqual([]);
    expect(rows.filter((row) => row.seq > last - REPLAY_WINDOW).every((row) => row.kept === 1)).toBe(true);
  });
});
