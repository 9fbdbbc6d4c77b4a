import { formatDateTime } from '../../client/format';
import { fill, reportWords, weeklyReportText } from '../../client/report/weeklyText';
import type { Board } from '../../shared/api/board';

export interface ReportMessage {
  subject: string;
  text: string;
  html: string;
}

// The notifications' messages (server/notifications/messages.ts) fill and escape the same way.
export { fill };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * The weekly report's email: the counts by status now (and a week before), the indicators that
 * changed status, the largest movers and the overdue ones, each a plain sentence (the same as on
 * the PDF's cover), in the office's language (the screens' default). The same words in the HTML
 * part and the text part.
 */
export function reportMessage(input: { board: Board; previous: Board | undefined; week: string; asOf: number; timeZone: string }): ReportMessage {
  const { board, previous } = input;
  const lang = board.defaults.lang;
  const { report: mail } = reportWords(lang);
  const [year = '', week = ''] = input.week.split('-W');
  const { counts, changes, movers, overdue } = weeklyReportText(board, previous, lang);
  const sections = [counts, changes, movers, overdue];
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
