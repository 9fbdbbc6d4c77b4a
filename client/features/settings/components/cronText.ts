import type { MessageKey, Translate } from '../../../i18n';

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** True when a schedule has the five parts of cron, each made of what cron allows. */
export function looksLikeCron(text: string): boolean {
  const parts = text.trim().split(/\s+/);
  return parts.length === 5 && parts.every((part) => /^[\d*,/A-Za-z-]+$/.test(part));
}

function whole(part: string, max: number): number | null {
  if (!/^\d{1,2}$/.test(part)) return null;
  const value = Number(part);
  return value <= max ? value : null;
}

/**
 * The simple schedules in words ("07:00 thứ Hai hằng tuần", "07:00 hằng ngày", "07:00 ngày 1
 * hằng tháng"); null for anything else, which the help text explains instead.
 */
export function describeCron(text: string, t: Translate): string | null {
  const parts = text.trim().split(/\s+/);
  if (parts.length !== 5) return null;
  const [minutePart = '', hourPart = '', dayPart = '', monthPart = '', weekdayPart = ''] = parts;
  const minute = whole(minutePart, 59);
  const hour = whole(hourPart, 23);
  if (minute === null || hour === null || monthPart !== '*') return null;
  const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  if (dayPart === '*' && weekdayPart === '*') return t('admin.settings.cron.daily', { time });
  if (dayPart === '*') {
    const weekday = whole(weekdayPart, 7);
    if (weekday === null) return null;
    const key: MessageKey = `admin.settings.cron.day.${DAYS[weekday % 7]!}`;
    return t('admin.settings.cron.weekly', { time, day: t(key) });
  }
  const day = whole(dayPart, 31);
  if (day === null || day === 0 || weekdayPart !== '*') return null;
  return t('admin.settings.cron.monthly', { time, day });
}
