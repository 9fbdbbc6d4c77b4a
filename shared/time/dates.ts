/**
 * Calendar dates as `YYYY-MM-DD` strings. A date has no time zone: the board decides which date
 * an instant falls on (`dateInZone`). Arithmetic goes through UTC midnights, so leap years and
 * month lengths come from the calendar, never from a fixed number of milliseconds.
 */
export type IsoDate = string;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is a real calendar date written `YYYY-MM-DD` (2025-02-29 is not). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  // Arithmetic, not a Date and its ISO text: every reading's date is checked, on the hot path.
  // Years before 100 are refused, as Date.UTC (which reads them as 1900–1999) refused them.
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 100 || month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 ? (isLeapYear(year) ? 29 : 28) : DAYS_IN_MONTH[month - 1]!);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days since 1970-01-01 for a calendar date. */
export function dayNumber(date: IsoDate): number {
  // Date.UTC on the three numbers: parsing the text again is most of the cost, many times a
  // reading. (Date.UTC reads years 0–99 as 1900–1999: those go through the parser.)
  const year = Number(date.slice(0, 4));
  if (year < 100) return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
  return Math.round(Date.UTC(year, Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS);
}

/** The calendar date of a day number. */
export function dateOfDayNumber(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** Adds calendar months, clamping to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Last day of the month that `date` falls in. */
export function endOfMonth(date: IsoDate): IsoDate {
  const lastDay = new Date(Date.UTC(2000, Number(date.slice(5, 7)), 0)).getUTCDate();
  if (lastDay === 29 && !isLeapYear(Number(date.slice(0, 4)))) return `${date.slice(0, 8)}28`;
  return `${date.slice(0, 8)}${lastDay}`;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** Per time zone, its formatter and the last second it was asked for: a busy server asks for "today" many times a second. */
const zones = new Map<string, { format: Intl.DateTimeFormat; second: number; date: IsoDate }>();

/** The calendar date an instant falls on in a time zone (`Asia/Ho_Chi_Minh` for the board). */
export function dateInZone(instant: number, timeZone: string): IsoDate {
  let zone = zones.get(timeZone);
  if (!zone) {
    // en-CA writes dates as YYYY-MM-DD.
    zone = { format: new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }), second: Number.NaN, date: '' };
    zones.set(timeZone, zone);
  }
  // Every zone's offset is whole seconds: two instants in the same second fall on the same date.
  const second = Math.floor(instant / 1000);
  if (second !== zone.second) {
    zone.date = zone.format.format(instant);
    zone.second = second;
  }
  return zone.date;
}

/** True when the runtime knows the IANA time zone. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** How far a time zone is ahead of UTC at an instant, in milliseconds. */
export function zoneOffset(instant: number, timeZone: string): number {
  let format = offsetFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    offsetFormatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return local - Math.floor(instant / 1000) * 1000;
}

/** The instant a calendar date begins in a time zone (its midnight there). */
export function startOfDayInZone(date: IsoDate, timeZone: string): number {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  // Twice: the offset at the guess may differ from the offset at the answer across a DST change.
  const guess = utcMidnight - zoneOffset(utcMidnight, timeZone);
  return utcMidnight - zoneOffset(guess, timeZone);
}

/** The ISO 8601 week of a date: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(date: IsoDate): { year: number; week: number; monday: IsoDate; sunday: IsoDate } {
  const day = dayNumber(date);
  // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
  const weekday = (((day + 3) % 7) + 7) % 7;
  const monday = day - weekday;
  const thursday = monday + 3;
  const year = Number(dateOfDayNumber(thursday).slice(0, 4));
  const firstThursday = dayNumber(`${year}-01-04`) - ((((dayNumber(`${year}-01-04`) + 3) % 7) + 7) % 7) + 3;
  return { year, week: (thursday - firstThursday) / 7 + 1, monday: dateOfDayNumber(monday), sunday: dateOfDayNumber(monday + 6) };
}

/** `2026-W48`, the name of a week's archive folder. */
export function isoWeekLabel(date: IsoDate): string {
  const { year, week } = isoWeek(date);
  return `${year}-W${String(week).padStart(2, '0')}`;
}
