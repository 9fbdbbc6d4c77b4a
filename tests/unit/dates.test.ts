import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dateInZone,
  dateOfDayNumber,
  dayNumber,
  daysBetween,
  endOfMonth,
  isIsoDate,
  isTimeZone,
  isoWeek,
  isoWeekLabel,
  startOfDayInZone,
  maxDate,
  minDate,
} from '../../shared/time/dates';

const HCM = 'Asia/Ho_Chi_Minh';

describe('isIsoDate', () => {
  it.each([
    ['2028-02-29', true], // leap year
    ['2025-02-29', false], // not a leap year
    ['2100-02-29', false], // century, not divisible by 400
    ['2000-02-29', true], // divisible by 400
    ['2026-02-28', true],
    ['2026-04-30', true],
    ['2026-04-31', false],
    ['2026-12-31', true],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-4-01', false],
    ['20260401', false],
    ['2026-04-01T00:00', false],
    [' 2026-04-01', false],
    ['2026-04-01 ', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(isIsoDate(text)).toBe(expected);
  });
});

describe('dayNumber / dateOfDayNumber', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-01-01', 10_957],
    ['2028-02-29', 21_243], // 10_957 + 28 × 365 + 7 leap days + 31 + 28
    ['0050-03-01', -701_206], // a year under 100, which Date.UTC would read as 1950
  ])('%s is day %i and back', (date, day) => {
    expect(dayNumber(date)).toBe(day);
    expect(dateOfDayNumber(day)).toBe(date);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2028-02-28', '2028-03-01', 2], // leap year: 29 February in between
    ['2027-02-28', '2027-03-01', 1],
    ['2026-01-01', '2026-12-31', 364],
    ['2028-01-01', '2028-12-31', 365],
    ['2026-01-01', '2030-12-31', 1825], // 5 years, one 29 February (2028)
    ['2026-01-01', '2031-01-01', 1826],
    ['2026-03-10', '2026-03-10', 0],
    ['2026-03-10', '2026-03-01', -9],
  ])('%s → %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe('addDays', () => {
  it.each([
    ['2028-02-28', 1, '2028-02-29'],
    ['2028-02-29', 1, '2028-03-01'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2028-03-01', -1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-01-01', 100, '2026-04-11'],
    ['2026-03-29', 7, '2026-04-05'], // no time-zone or DST effect: dates are UTC midnights
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe('addMonths', () => {
  it.each([
    ['2028-01-31', 1, '2028-02-29'], // clamped to the leap day
    ['2027-01-31', 1, '2027-02-28'],
    ['2028-01-31', 2, '2028-03-31'], // clamping does not carry over
    ['2028-02-29', 12, '2029-02-28'],
    ['2028-02-29', 48, '2032-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-15', -13, '2024-12-15'],
    ['2025-12-31', 2, '2026-02-28'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-05-15', 0, '2026-05-15'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('endOfMonth', () => {
  it.each([
    ['2028-02-10', '2028-02-29'],
    ['2026-02-01', '2026-02-28'],
    ['2100-02-01', '2100-02-28'],
    ['2000-02-15', '2000-02-29'],
    ['2026-04-30', '2026-04-30'],
    ['2026-12-01', '2026-12-31'],
    ['2026-01-31', '2026-01-31'],
  ])('%s → %s', (date, expected) => {
    expect(endOfMonth(date)).toBe(expected);
  });
});

describe('minDate / maxDate', () => {
  it.each([
    ['2026-01-31', '2026-02-01', '2026-01-31', '2026-02-01'],
    ['2030-12-31', '2026-01-01', '2026-01-01', '2030-12-31'],
    ['2028-02-29', '2028-02-29', '2028-02-29', '2028-02-29'],
  ])('of %s and %s: min %s, max %s', (a, b, min, max) => {
    expect(minDate(a, b)).toBe(min);
    expect(maxDate(a, b)).toBe(max);
  });
});

describe('dateInZone', () => {
  it.each([
    // Asia/Ho_Chi_Minh is UTC+7 all year: its day starts at 17:00 UTC the day before.
    ['2026-11-27T16:59:59.999Z', HCM, '2026-11-27'],
    ['2026-11-27T17:00:00.000Z', HCM, '2026-11-28'],
    ['2026-11-27T17:00:00.000Z', 'UTC', '2026-11-27'],
    ['2026-11-27T23:59:59.999Z', HCM, '2026-11-28'],
    ['2026-11-28T16:59:59.999Z', HCM, '2026-11-28'],
    ['2026-12-31T17:00:00.000Z', HCM, '2027-01-01'], // new year comes earlier in Hà Nội
    ['2028-02-28T17:00:00.000Z', HCM, '2028-02-29'],
    ['2028-02-29T16:59:59.999Z', HCM, '2028-02-29'],
    ['2028-02-29T17:00:00.000Z', HCM, '2028-03-01'],
    ['2026-11-28T04:59:59.000Z', 'America/New_York', '2026-11-27'], // UTC−5 in November
    // Liberia was UTC−0:44:30 until 1972: a day that starts on the half minute, asked for twice
    // within one minute (dateInZone keeps the last second it was asked for).
    ['1971-06-01T00:44:29.999Z', 'Africa/Monrovia', '1971-05-31'],
    ['1971-06-01T00:44:30.000Z', 'Africa/Monrovia', '1971-06-01'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(dateInZone(Date.parse(instant), zone)).toBe(expected);
  });
});

describe('isTimeZone', () => {
  it.each([
    [HCM, true],
    ['Asia/Saigon', true],
    ['UTC', true],
    ['Mars/Olympus_Mons', false],
    ['UTC+7', false],
  ])('%s → %s', (zone, expected) => {
    expect(isTimeZone(zone)).toBe(expected);
  });
});

describe('isoWeek', () => {
  it.each([
    ['2026-11-28', 2026, 48, '2026-11-23', '2026-11-29'],
    ['2026-11-30', 2026, 49, '2026-11-30', '2026-12-06'],
    ['2021-01-03', 2020, 53, '2020-12-28', '2021-01-03'],
    ['2024-12-30', 2025, 1, '2024-12-30', '2025-01-05'],
    ['2026-01-01', 2026, 1, '2025-12-29', '2026-01-04'],
    ['2027-01-01', 2026, 53, '2026-12-28', '2027-01-03'],
    ['2028-02-29', 2028, 9, '2028-02-28', '2028-03-05'],
  ])('%s is in week %i-W%i (%s to %s)', (date, year, week, monday, sunday) => {
    expect(isoWeek(date)).toEqual({ year, week, monday, sunday });
  });

  it('labels the archive folder', () => {
    expect(isoWeekLabel('2026-11-28')).toBe('2026-W48');
    expect(isoWeekLabel('2026-01-01')).toBe('2026-W01');
  });
});

describe('startOfDayInZone', () => {
  it.each([
    ['2026-11-28', 'Asia/Ho_Chi_Minh', '2026-11-27T17:00:00.000Z'],
    ['2026-11-28', 'UTC', '2026-11-28T00:00:00.000Z'],
    // The day daylight saving time starts in New York still begins at midnight local time (EST).
    ['2026-03-08', 'America/New_York', '2026-03-08T05:00:00.000Z'],
    ['2026-07-01', 'America/New_York', '2026-07-01T04:00:00.000Z'],
  ])('%s begins in %s at %s', (date, zone, instant) => {
    expect(new Date(startOfDayInZone(date, zone)).toISOString()).toBe(instant);
  });
});
