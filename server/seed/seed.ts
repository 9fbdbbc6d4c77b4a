import { addDays, addMonths, dateInZone, endOfMonth, minDate, type IsoDate } from '../../shared/time/dates';
import { termElapsed } from '../../shared/indicator/progress';
import type { UpdateFrequency } from '../../shared/indicator/model';
import type { Database } from '../db/database';
import { ChangeLogWriter } from '../changes/change-log.writer';
import { OFFICE_NAME_SETTING } from '../board/board.service';
import {
  BRANCHES,
  CURRENT_TERM,
  DEMO_INDICATORS,
  GROUPS,
  OFFICE_NAME,
  PARTY_COMMITTEE,
  PREVIOUS_TERM,
  type DemoIndicator,
} from './demo-term';

/** Calendar period ends (month ends, quarter ends, 31 December, or every 7 days) from `from` to `to`. */
export function periodEnds(frequency: UpdateFrequency, from: IsoDate, to: IsoDate): IsoDate[] {
  const dates: IsoDate[] = [];
  if (frequency === 'week') {
    for (let d = addDays(from, 6); d <= to; d = addDays(d, 7)) dates.push(d);
    return dates;
  }
  const months = frequency === 'month' ? 1 : frequency === 'quarter' ? 3 : 12;
  for (let d = endOfMonth(from); d <= to; d = endOfMonth(addMonths(d, 1))) {
    const month = Number(d.slice(5, 7));
    if (month % months === 0) dates.push(d);
  }
  return dates;
}

/** The values a history follows at each date: running totals for cumulative counts. */
function readingsOf(
  indicator: DemoIndicator,
  term: { start: IsoDate; end: IsoDate },
  dates: IsoDate[],
  start: number,
  target: number,
  profile = indicator.profile,
) {
  if (!profile) return [];
  const out: Array<{ date: IsoDate; value: number | null; numerator: number | null; denominator: number | null }> = [];
  let total = 0;
  for (const date of dates) {
    const level = profile({ elapsed: termElapsed(term, date), start, target });
    if (indicator.measure === 'ratio') {
      out.push({ date, value: null, numerator: Math.min(level, indicator.of!), denominator: indicator.of! });
    } else if (indicator.aggregation === 'cumulative') {
      const added = Math.max(0, level - total);
      total += added;
      out.push({ date, value: added, numerator: null, denominator: null });
    } else {
      out.push({ date, value: Number(level.toFixed(indicator.decimals)), numerator: null, denominator: null });
    }
  }
  return out;
}

/**
 * Creates the demo term on an empty database: the office, its units, the closed 2020–2025 term
 * with its results and the current 2025–2030 term with a history up to `now`. Does nothing when
 * a term exists. One transaction: all or nothing. Resolves to whether it created the demo.
 */
export function seedDemo(db: Database, now: number, timeZone: string): Promise<boolean> {
  // History, written before any screen exists: no audit, nothing to publish; numbered like every change.
  const changeLog = new ChangeLogWriter(db);
  const { indicatorGroups, indicators, readings, settings, terms, units } = db.tables;
  return db.transaction(async () => {
    if ((await db.orm.$count(terms)) > 0) return false;
    await db.orm.insert(settings).values({ key: OFFICE_NAME_SETTING, value: JSON.stringify(OFFICE_NAME) }).onConflictDoNothing();
    const insertUnit = async (name: string, parentId: number | null) =>
      (await db.orm.insert(units).values({ name, parentId, createdAt: now }).returning({ id: units.id }))[0]!.id;
    const rootId = await insertUnit(PARTY_COMMITTEE, null);
    const branchIds: number[] = [];
    for (const name of BRANCHES) branchIds.push(await insertUnit(name, rootId));
    const today = dateInZone(now, timeZone);

    const seedTerm = async (spec: { name: string; start: IsoDate; end: IsoDate }, current: boolean, previousTermId: number | null) => {
      const closed = spec.end < today && !current;
      const [term] = await db.orm
        .insert(terms)
        .values({
          name: spec.name,
          startDate: spec.start,
          endDate: spec.end,
          isCurrent: current,
          closedAt: closed ? Date.parse(`${spec.end}T23:59:59+07:00`) : null,
          previousTermId,
          createdAt: now,
        })
        .returning({ id: terms.id });
      const termId = term!.id;
      const groupIds = new Map<string, number>();
      for (const [index, name] of GROUPS.entries()) {
        const [group] = await db.orm.insert(indicatorGroups).values({ termId, name, displayOrder: index + 1 }).returning({ id: indicatorGroups.id });
        groupIds.set(name, group!.id);
      }
      for (const [index, demo] of DEMO_INDICATORS.entries()) {
        // The previous term's result is the current one's baseline; it was that term's target too.
        const baseline = demo.previous;
        const target = current ? demo.target : demo.previous;
        const [indicator] = await db.orm
          .insert(indicators)
          .values({
            termId,
            groupId: groupIds.get(demo.group)!,
            ownerUnitId: demo.owner === null ? rootId : branchIds[demo.owner]!,
            code: demo.code,
            name: demo.name,
            description: demo.description,
            measure: demo.measure,
            aggregation: demo.aggregation,
            direction: demo.direction,
            unitLabel: demo.unit,
            baseline,
            target,
            milestones: JSON.stringify(current ? (demo.milestones ?? []) : []),
            updateFrequency: demo.updateFrequency,
            decimals: demo.decimals,
            displayOrder: index + 1,
            createdAt: now,
          })
          .returning({ id: indicators.id });
        const indicatorId = indicator!.id;
        const history = current
          ? readingsOf(
              demo,
              spec,
              periodEnds(demo.updateFrequency, spec.start, minDate(spec.end, addDays(today, -(demo.silentForDays ?? 0)))),
              demo.aggregation === 'cumulative' ? 0 : demo.previous,
              demo.target,
            )
          : // The closed term: one result a year, the last on its final day.
            readingsOf(demo, spec, [...periodEnds('year', spec.start, spec.end), spec.end], demo.previous, demo.previous, ({ elapsed }) =>
              demo.measure === 'ratio'
                ? Math.round((demo.previous / 100) * demo.of!)
                : demo.aggregation === 'cumulative'
                  ? Math.round(demo.previous * elapsed)
                  : demo.previous,
            );
        for (const reading of history) {
          const createdAt = Math.min(now, Date.parse(`${reading.date}T10:00:00+07:00`));
          const [inserted] = await db.orm
            .insert(readings)
            .values({
              indicatorId,
              ...reading,
              note: current ? 'Số liệu minh họa' : 'Kết quả nhiệm kỳ 2020–2025 (minh họa theo báo cáo)',
              evidence: current ? '' : 'Báo cáo chính trị Đại hội Đảng bộ nhiệm kỳ 2025–2030',
              createdAt,
            })
            .returning({ id: readings.id });
          await changeLog.append(termId, [{ kind: 'reading', indicatorId, readingId: inserted!.id, payload: null }], createdAt);
        }
      }
      return termId;
    };

    const previousId = await seedTerm(PREVIOUS_TERM, false, null);
    await seedTerm(CURRENT_TERM, true, previousId);
    return true;
  });
}
