import { formatDate, formatValue } from '../../client/format';
import { en } from '../../client/i18n/en';
import { notificationsMailEn, notificationsMailVi } from '../../client/i18n/sections/notifications';
import { vi } from '../../client/i18n/vi';
import type { UpdateFrequency } from '../../shared/indicator/kinds';
import type { Status } from '../../shared/indicator/model';
import { escapeHtml, fill, type ReportMessage } from '../mail/report-message';

type Lang = 'vi' | 'en';
const CATALOGS = { vi: { mail: notificationsMailVi, status: vi.status }, en: { mail: notificationsMailEn, status: en.status } } satisfies Record<Lang, unknown>;
/** Codes named in a subject; more are counted, not listed. */
const CODES_IN_SUBJECT = 5;

/** What a message says about one indicator. */
interface Named {
  code: string;
  name: string;
}

/** One indicator a reminder is about. */
export interface ReminderItem extends Named {
  kind: 'due' | 'overdue';
  dueDate: string;
  lastReadingDate: string | null;
  updateFrequency: UpdateFrequency;
  /** The entry form for this indicator. */
  link: string;
}

/** One indicator whose status got worse, with its value and pace when it did. */
export interface AlertItem extends Named {
  from: Status;
  to: Status;
  current: number | null;
  expected: number;
  target: number;
  unit: string;
  decimals: number;
  /** The indicator's history page. */
  link: string;
}

/** Paragraphs: each a list of lines (the text part joins them; the HTML part makes links). */
type Paragraph = string[];

function codesOf(items: Named[]): string {
  const codes = items.slice(0, CODES_IN_SUBJECT).map((item) => item.code);
  return items.length > CODES_IN_SUBJECT ? `${codes.join(', ')}…` : codes.join(', ');
}

const URL_PATTERN = /(https?:\/\/[^\s<]+)/g;

function render(lang: Lang, subject: string, paragraphs: Paragraph[], footer: string): ReportMessage {
  const text = [...paragraphs.map((lines) => lines.join('\n')), footer, ''].join('\n\n');
  const htmlLine = (line: string) => escapeHtml(line).replace(URL_PATTERN, (url) => `<a href="${url}">${url}</a>`);
  const html = [
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: Arial, Helvetica, sans-serif; color: #1a1a1a; line-height: 1.5; max-width: 640px">',
    ...paragraphs.map((lines) => `<p>${lines.map(htmlLine).join('<br>')}</p>`),
    `<p style="color: #666; font-size: 12px">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}

/**
 * The reminder to one editor: one indicator, or a digest of all those due for them at once,
 * each with a link straight to its entry form; how to opt out at the end.
 */
export function reminderMessage(input: { lang: Lang; recipientName: string; term: string; items: ReminderItem[]; accountLink: string }): ReportMessage {
  const { mail } = CATALOGS[input.lang];
  const r = mail.reminder;
  const [first] = input.items;
  if (!first) throw new Error('a reminder needs an indicator');
  const date = (iso: string) => formatDate(iso, input.lang);
  const subject =
    input.items.length > 1
      ? fill(r.subjectDigest, { count: input.items.length, codes: codesOf(input.items) })
      : fill(first.kind === 'overdue' ? r.subjectOverdue : r.subjectDue, { code: first.code, date: date(first.dueDate) });
  const paragraphs: Paragraph[] = [
    [fill(r.greeting, { name: input.recipientName })],
    [fill(input.items.length > 1 ? r.intro : r.introOne, { term: input.term })],
    ...input.items.map((item) => [
      fill(item.kind === 'overdue' ? r.overdue : r.due, { code: item.code, name: item.name, date: date(item.dueDate), frequency: r.frequency[item.updateFrequency] }),
      item.lastReadingDate ? fill(r.lastReading, { date: date(item.lastReadingDate) }) : r.noReading,
      fill(r.enterAt, { link: item.link }),
    ]),
    [fill(r.optOut, { link: input.accountLink })],
  ];
  return render(input.lang, subject, paragraphs, mail.footer);
}

/** The alert to the alert recipients: every indicator that got worse within the last few minutes. */
export function alertMessage(input: { lang: Lang; term: string; items: AlertItem[] }): ReportMessage {
  const { mail, status } = CATALOGS[input.lang];
  const a = mail.alert;
  const [first] = input.items;
  if (!first) throw new Error('an alert needs an indicator');
  const subject =
    input.items.length > 1
      ? fill(a.subjectMany, { count: input.items.length, codes: codesOf(input.items) })
      : fill(a.subjectOne, { code: first.code, from: status[first.from], to: status[first.to] });
  const value = (item: AlertItem, amount: number) => formatValue(amount, item.decimals, item.unit, input.lang);
  const paragraphs: Paragraph[] = [
    [fill(input.items.length > 1 ? a.intro : a.introOne, { term: input.term })],
    ...input.items.map((item) => [
      fill(a.line, { code: item.code, name: item.name, from: status[item.from], to: status[item.to] }),
      fill(item.current === null ? a.noValue : a.pace, {
        value: item.current === null ? '' : value(item, item.current),
        expected: value(item, item.expected),
        target: value(item, item.target),
      }),
      fill(a.history, { link: item.link }),
    ]),
  ];
  return render(input.lang, subject, paragraphs, mail.footer);
}
