import type { Export } from '../../../../shared/api/exports';
import { dateOfDayNumber, dayNumber, type IsoDate } from '../../../../shared/time/dates';

export interface ExportWeek {
  /** The archive's label, `2026-W48`. */
  label: string;
  year: number;
  week: number;
  monday: IsoDate | null;
  sunday: IsoDate | null;
  exports: Export[];
}

const WEEK_LABEL = /^(\d{4})-W(\d{2})$/;

/** The Monday of ISO week `week` of `year`: week 1 is the one that holds 4 January. */
function mondayOf(year: number, week: number): number {
  const fourth = dayNumber(`${year}-01-04`);
  // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
  const weekday = (((fourth + 3) % 7) + 7) % 7;
  return fourth - weekday + (week - 1) * 7;
}

/** `2026-W48` as its year, number and Monday–Sunday; a label of another shape keeps only itself. */
export function parseWeek(label: string): Omit<ExportWeek, 'exports'> {
  const match = WEEK_LABEL.exec(label);
  if (!match) return { label, year: 0, week: 0, monday: null, sunday: null };
  const year = Number(match[1]);
  const week = Number(match[2]);
  const monday = mondayOf(year, week);
  return { label, year, week, monday: dateOfDayNumber(monday), sunday: dateOfDayNumber(monday + 6) };
}

/**
 * The exports by the ISO week they were made as of, the latest week first; within a week, in
 * the server's order (newest first). An export "as of" a past date sits in that past week.
 */
export function groupByWeek(exports: readonly Export[]): ExportWeek[] {
  const byWeek = new Map<string, Export[]>();
  for (const item of exports) {
    const list = byWeek.get(item.week) ?? [];
    list.push(item);
    byWeek.set(item.week, list);
  }
  return [...byWeek.entries()]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .map(([label, list]) => ({ ...parseWeek(label), exports: list }));
}
