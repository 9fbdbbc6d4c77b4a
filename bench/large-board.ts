import { addDays } from '../shared/time/dates';
import type { Db } from '../server/db/client';
import { indicatorGroups, indicators, terms, units } from '../server/db/schema';

export const LARGE_TERM = { start: '2025-01-01', end: '2029-12-31' };

/**
 * A province-sized board: `indicatorCount` indicators in 10 groups, each with a weekly reading
 * over five years (~260 each, ~78,000 in all), a mix of measures and aggregations.
 */
export function seedLargeBoard(db: Db, indicatorCount = 300): { readings: number } {
  const sqlite = db.$client;
  const now = Date.parse('2030-01-01T00:00:00Z');
  return sqlite.transaction(() => {
    const unitId = db.insert(units).values({ name: 'Văn phòng', createdAt: now }).returning().get().id;
    const termId = db
      .insert(terms)
      .values({ name: 'Nhiệm kỳ lớn', startDate: LARGE_TERM.start, endDate: LARGE_TERM.end, isCurrent: true, createdAt: now })
      .returning()
      .get().id;
    const groupIds = Array.from({ length: 10 }, (_, i) =>
      db.insert(indicatorGroups).values({ termId, name: `Nhóm ${i + 1}`, displayOrder: i }).returning().get().id,
    );
    const insertReading = sqlite.prepare(
      'insert into readings (indicator_id, date, value, numerator, denominator, created_at) values (?, ?, ?, ?, ?, ?)',
    );
    let count = 0;
    for (let i = 0; i < indicatorCount; i++) {
      const kind = i % 3; // 0: cumulative count, 1: latest percent, 2: latest ratio
      const id = db
        .insert(indicators)
        .values({
          termId,
          groupId: groupIds[i % groupIds.length]!,
          ownerUnitId: unitId,
          code: `L-${String(i).padStart(3, '0')}`,
          name: `Chỉ tiêu ${i}`,
          measure: kind === 0 ? 'count' : kind === 1 ? 'percent' : 'ratio',
          aggregation: kind === 0 ? 'cumulative' : 'latest',
          direction: 'increase',
          baseline: kind === 0 ? 0 : 50,
          target: kind === 0 ? 1000 : 95,
          updateFrequency: 'week',
          decimals: 1,
          displayOrder: i,
          createdAt: now,
        })
        .returning()
        .get().id;
      for (let week = 0, date = LARGE_TERM.start; date <= LARGE_TERM.end; week++, date = addDays(date, 7)) {
        const createdAt = Date.parse(`${date}T03:00:00Z`);
        if (kind === 0) insertReading.run(id, date, (week % 7) + 1, null, null, createdAt);
        else if (kind === 1) insertReading.run(id, date, 50 + (week % 40), null, null, createdAt);
        else insertReading.run(id, date, null, 3 + (week % 3), 5, createdAt);
        count++;
      }
    }
    sqlite.prepare('update terms set last_seq = ? where id = ?').run(count, termId);
    return { readings: count };
  })();
}
