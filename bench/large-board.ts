import { eq } from 'drizzle-orm';
import { single, type Database } from '../server/db/database';
import { addDays } from '../shared/time/dates';

export const LARGE_TERM = { start: '2025-01-01', end: '2029-12-31' };

/**
 * A province-sized board: `indicatorCount` indicators in 10 groups, each with a weekly reading
 * over five years (~260 each, ~78,000 in all), a mix of measures and aggregations.
 */
export async function seedLargeBoard(db: Database, indicatorCount = 300): Promise<{ readings: number }> {
  const { indicatorGroups, indicators, readings, terms, units } = db.tables;
  const now = Date.parse('2030-01-01T00:00:00Z');
  return db.transaction(async () => {
    const unitId = single(await db.orm.insert(units).values({ name: 'Văn phòng', createdAt: now }).returning({ id: units.id })).id;
    const termId = single(
      await db.orm
        .insert(terms)
        .values({ name: 'Nhiệm kỳ lớn', startDate: LARGE_TERM.start, endDate: LARGE_TERM.end, isCurrent: true, createdAt: now })
        .returning({ id: terms.id }),
    ).id;
    const groupIds: number[] = [];
    for (let i = 0; i < 10; i++) {
      groupIds.push(
        single(await db.orm.insert(indicatorGroups).values({ termId, name: `Nhóm ${i + 1}`, displayOrder: i }).returning({ id: indicatorGroups.id })).id,
      );
    }
    let count = 0;
    for (let i = 0; i < indicatorCount; i++) {
      const kind = i % 3; // 0: cumulative count, 1: latest percent, 2: latest ratio
      const id = single(
        await db.orm
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
          .returning({ id: indicators.id }),
      ).id;
      // One insert per indicator (~260 rows): well under either dialect's limit on parameters.
      const weekly: Array<typeof readings.$inferInsert> = [];
      for (let week = 0, date = LARGE_TERM.start; date <= LARGE_TERM.end; week++, date = addDays(date, 7)) {
        const createdAt = Date.parse(`${date}T03:00:00Z`);
        if (kind === 0) weekly.push({ indicatorId: id, date, value: (week % 7) + 1, createdAt });
        else if (kind === 1) weekly.push({ indicatorId: id, date, value: 50 + (week % 40), createdAt });
        else weekly.push({ indicatorId: id, date, numerator: 3 + (week % 3), denominator: 5, createdAt });
      }
      await db.orm.insert(readings).values(weekly);
      count += weekly.length;
    }
    await db.orm.update(terms).set({ lastSeq: count }).where(eq(terms.id, termId));
    return { readings: count };
  });
}
