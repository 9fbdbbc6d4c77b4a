import { en } from '../../client/i18n/en';
import { mailEn, mailVi } from '../../client/i18n/sections/mail';
import { vi } from '../../client/i18n/vi';
import { formatDate, formatDateTime, formatNumber, formatValue } from '../../client/format';
import type { Board, BoardIndicator } from '../../shared/api/board';
import { STATUSES } from '../../shared/indicator/model';
import { weeklySummary } from '../../shared/report/weekly';

export interface ReportMessage {
  subject: string;
  text: string;
  html: string;
}

type Lang = 'vi' | 'en';
const CATALOGS = { vi: { mail: mailVi.report, status: vi.status }, en: { mail: mailEn.report, status: en.status } } satisfies Record<Lang, unknown>;

export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A section: a heading and its lines (or the line saying there is nothing). */
interface Section {
  heading: string;
  lines: string[];
}

/**
 * The weekly report's email: the counts by status now (and a week before), the indicators that
 * changed status, the largest movers and the overdue ones, each a plain sentence, in the
 * office's language (the screens' default). The same words in the HTML part and the text part.
 */
export function reportMessage(input: { board: Board; previous: Board | undefined; week: string; asOf: number; timeZone: string }): ReportMessage {
  const { board, previous } = input;
  const lang: Lang = board.defaults.lang;
  const { mail, status } = CATALOGS[lang];
  const [year = '', week = ''] = input.week.split('-W');
  const summary = weeklySummary(board, previous);
  const value = (indicator: BoardIndicator, amount: number | null) => formatValue(amount, indicator.decimals, indicator.unit, lang);
  const named = (indicator: BoardIndicator) => ({ code: indicator.code, name: indicator.name });
  // A percentage moves by points, not by per cent of itself.
  const change = (indicator: BoardIndicator, amount: number) =>
    indicator.unit === '%' ? fill(mail.percentagePoints, { amount: formatNumber(amount, indicator.decimals, lang) }) : value(indicator, amount);

  const sections: Section[] = [
    {
      heading: mail.countsHeading,
      lines: STATUSES.filter((s) => summary.counts[s] > 0 || (summary.countsBefore?.[s] ?? 0) > 0).map((s) =>
        summary.countsBefore
          ? fill(mail.countWithBefore, { status: status[s], count: formatNumber(summary.counts[s], 0, lang), before: formatNumber(summary.countsBefore[s], 0, lang) })
          : fill(mail.count, { status: status[s], count: formatNumber(summary.counts[s], 0, lang) }),
      ),
    },
    {
      heading: mail.changesHeading,
      lines: summary.statusChanges.length
        ? summary.statusChanges.map((change) => fill(change.worse ? mail.changeWorse : mail.changeBetter, { ...named(change.indicator), from: status[change.from], to: status[change.to] }))
        : [mail.noChanges],
    },
    {
      heading: mail.moversHeading,
      lines: summary.movers.length
        ? summary.movers.map(({ indicator, change: moved }) =>
            fill(moved.kind === 'up' ? mail.moverUp : mail.moverDown, {
              ...named(indicator),
              amount: change(indicator, moved.amount),
              value: value(indicator, indicator.current),
              target: value(indicator, indicator.target),
            }),
          )
        : [mail.noMovers],
    },
    {
      heading: mail.overdueHeading,
      lines: summary.overdue.length
        ? summary.overdue.map((indicator) =>
            indicator.lastReadingDate
              ? fill(mail.overdueSince, { ...named(indicator), date: formatDate(indicator.lastReadingDate, lang) })
              : fill(mail.overdueNever, named(indicator)),
          )
        : [mail.noOverdue],
    },
  ];
  const intro = fill(mail.intro, { office: board.office, week: Number(week), year, term: board.term.name, dateTime: formatDateTime(new Date(input.asOf).toISOString(), input.timeZone, lang) });
  const subject = fill(mail.subject, { week: Number(week), year, term: board.term.name });

  const text = [intro, mail.attached, ...sections.flatMap((section) => ['', section.heading, ...section.lines.map((line) => `- ${line}`)]), '', mail.footer, ''].join('\n');
  const html = [
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: Arial, Helvetica, sans-serif; color: #1a1a1a; line-height: 1.5; max-width: 640px">',
    `<p>${escapeHtml(intro)}</p>`,
    `<p>${escapeHtml(mail.attached)}</p>`,
    ...sections.map((section) => `<h2 style="font-size: 16px; margin: 20px 0 6px">${escapeHtml(section.heading)}</h2><ul>${section.lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`),
    `<p style="color: #666; font-size: 12px">${escapeHtml(mail.footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
