import type { Lang } from './i18n';

/**
 * Numbers and dates as people read them: vi-VN by default (`1.234`, `97,5`, `15/01/2026`).
 * Instants are shown in the board's time zone (`Board.timeZone`), never the viewer's: a screen
 * in another zone must show the same dates as the office.
 */

const LOCALES: Record<Lang, string> = {
  vi: 'vi-VN',
  // Day before month, as in Vietnamese.
  en: 'en-GB',
};

export function localeOf(lang: Lang): string {
  return LOCALES[lang];
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, decimals: number): Intl.NumberFormat {
  const key = `${lang}:${decimals}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], {
      // Always the indicator's decimals, so values line up and match how status is judged.
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      // A tiny negative rounded to zero reads "0", not "-0".
      signDisplay: 'negative',
    });
    numberFormats.set(key, format);
  }
  return format;
}

/** A number with exactly `decimals` fraction digits: `1.234`, `97,5` in vi-VN. */
export function formatNumber(value: number, decimals: number, lang: Lang = 'vi'): string {
  const digits = Math.min(20, Math.max(0, Math.trunc(decimals)));
  return numberFormat(lang, digits).format(value);
}

/** A value with its unit: `97,5%`, `1.234 hồ sơ`; an em dash when there is none. */
export function formatValue(value: number | null, decimals: number, unit: string, lang: Lang = 'vi'): string {
  if (value === null) return '—';
  const number = formatNumber(value, decimals, lang);
  if (!unit) return number;
  // Vietnamese and English both write the percent sign against the number.
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}

/** A ratio of counts as `4/5`. */
export function formatRatio(numerator: number, denominator: number, lang: Lang = 'vi'): string {
  return `${formatNumber(numerator, 0, lang)}/${formatNumber(denominator, 0, lang)}`;
}

/** A share (0.125) as a percentage: `13%`, or `12,5%` with `decimals` 1. */
export function formatShare(share: number, lang: Lang = 'vi', decimals = 0): string {
  return `${formatNumber(share * 100, decimals, lang)}%`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(lang: Lang, timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang}:${timeZone}:${withTime}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], {
      timeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    });
    dateFormats.set(key, format);
  }
  return format;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date `YYYY-MM-DD` (already a date of the board's zone) as `15/01/2026`. An ISO
 * date-time is placed in `timeZone` first.
 */
export function formatDate(date: string, lang: Lang = 'vi', timeZone = 'Asia/Ho_Chi_Minh'): string {
  if (ISO_DATE.test(date)) {
    // A calendar date has no zone: read and write it at UTC midnight so it cannot shift a day.
    return dateFormat(lang, 'UTC', false).format(Date.parse(`${date}T00:00:00Z`));
  }
  const instant = Date.parse(date);
  return Number.isNaN(instant) ? date : dateFormat(lang, timeZone, false).format(instant);
}

/** An ISO date-time as `10:30 15/01/2026` (vi-VN) in the board's time zone. */
export function formatDateTime(dateTime: string, timeZone: string, lang: Lang = 'vi'): string {
  const instant = Date.parse(dateTime);
  return Number.isNaN(instant) ? dateTime : dateFormat(lang, timeZone, true).format(instant);
}

/** An instant (epoch ms) as the time of day `14:05:09` in `timeZone`: when a list was last read. */
export function formatClock(epochMs: number, timeZone: string, lang: Lang = 'vi'): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(epochMs);
}
