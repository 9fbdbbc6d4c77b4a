import { formatDate, localeOf } from '../../../format';
import { hasMessage, t, type Lang } from '../../../i18n';
import { ADMIN_TIME_ZONE } from '../../../paths/admin';

/**
 * An audit entry's fields and values as people read them: the field's name in the page's
 * language, codes as their words (`editor` → "Chuyên viên"), instants in the office's zone
 * (dd/mm/yyyy HH:mm), calendar dates as dd/mm/yyyy, numbers in the language's format.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Where the words for a field's codes are. */
const CODE_WORDS: Readonly<Record<string, string>> = {
  role: 'admin.role',
  measure: 'admin.plan.indicator.measureName',
  aggregation: 'admin.plan.indicator.aggregationName',
  direction: 'admin.plan.indicator.directionName',
  updateFrequency: 'admin.plan.indicator.frequencyName',
  defaultLang: 'admin.settings.langName',
  defaultTheme: 'admin.settings.themeName',
  status: 'admin.plan.import.status',
  kind: 'admin.audit.actorKind',
};

/**
 * The field's name: the audit log's own, else the plan import's column (an indicator's fields);
 * a field neither knows yet is shown as it is recorded.
 */
export function auditFieldLabel(field: string, lang: Lang): string {
  const key = `admin.audit.fieldName.${field}`;
  if (hasMessage(key)) return t(lang, key);
  const column = `admin.plan.import.column.${field}`;
  return hasMessage(column) ? t(lang, column) : field;
}

const instantFormats = new Map<Lang, Intl.DateTimeFormat>();

/** An instant as `15/01/2026 14:05` in the office's zone, whatever the viewer's zone. */
export function auditInstantText(iso: string, lang: Lang): string {
  let format = instantFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone: ADMIN_TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    instantFormats.set(lang, format);
  }
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return iso;
  const part = Object.fromEntries(format.formatToParts(instant).map(({ type, value }) => [type, value]));
  return `${part.day}/${part.month}/${part.year} ${part.hour}:${part.minute}`;
}

const numberFormats = new Map<Lang, Intl.NumberFormat>();

function numberText(value: number, lang: Lang): string {
  let format = numberFormats.get(lang);
  if (!format) {
    // Grouping from five digits on, so that a year reads 2026 and a count 12.345.
    format = new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 6, useGrouping: 'min2' });
    numberFormats.set(lang, format);
  }
  return format.format(value);
}

/** A recorded value as one line of text, or null when nothing was recorded. */
export function auditValueText(field: string, value: unknown, lang: Lang): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return t(lang, value ? 'admin.audit.value.yes' : 'admin.audit.value.no');
  if (typeof value === 'number') return /(^id|Ids?)$/.test(field) && Number.isInteger(value) ? `#${value}` : numberText(value, lang);
  if (typeof value === 'string') {
    const words = `${CODE_WORDS[field] ?? ''}.${value}`;
    if (field in CODE_WORDS && hasMessage(words)) return t(lang, words);
    if (ISO_DATE.test(value)) return formatDate(value, lang);
    return ISO_INSTANT.test(value) ? auditInstantText(value, lang) : value;
  }
  if (Array.isArray(value)) return value.map((item) => auditValueText(field, item, lang) ?? '—').join(', ') || null;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // A person, a unit merged into: their name says it.
    if (typeof record.name === 'string') return record.name;
    if (typeof record.year === 'number' && 'value' in record) return `${record.year}: ${auditValueText('value', record.value, lang) ?? '—'}`;
    return Object.entries(record)
      .map(([key, inner]) => `${auditFieldLabel(key, lang)}: ${auditValueText(key, inner, lang) ?? '—'}`)
      .join('; ');
  }
  return String(value);
}
