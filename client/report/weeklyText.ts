import type { Board, BoardIndicator } from '../../shared/api/board';
import { STATUSES } from '../../shared/indicator/model';
import { weeklySummary } from '../../shared/report/weekly';
import { amountText, valueUnitOf } from '../components/indicatorText';
import { formatDate, formatNumber } from '../format';
import { en } from '../i18n/en';
import type { Lang } from '../i18n';
import { mailEn, mailVi } from '../i18n/sections/mail';
import { vi } from '../i18n/vi';

/**
 * The weekly report's sentences, written once for its two readers: the email's body
 * (server/mail/report-message.ts) and the PDF's cover (client/report/ReportCover.tsx). Plain
 * TypeScript, no React: the server imports it too.
 */

const CATALOGS = { vi: { report: mailVi.report, status: vi.status }, en: { report: mailEn.report, status: en.status } } satisfies Record<Lang, unknown>;

/** The report's words in `lang`: the email's section of the catalog and the status words. */
export function reportWords(lang: Lang) {
  return CATALOGS[lang];
}

/** `{name}` in `template` replaced by `params.name`. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A heading and its sentences (or the one sentence saying there is nothing). */
export interface ReportSection {
  heading: string;
  lines: string[];
}

export interface WeeklyReportText {
  counts: ReportSection;
  changes: ReportSection;
  movers: ReportSection;
  overdue: ReportSection;
}

/**
 * How much an indicator moved, with its unit. A percentage (and a ratio, shown as one) moves by
 * points, not by per cent of itself.
 */
export function changeAmountText(indicator: BoardIndicator, amount: number, lang: Lang): string {
  return valueUnitOf(indicator) === '%'
    ? fill(CATALOGS[lang].report.percentagePoints, { amount: formatNumber(amount, indicator.decimals, lang) })
    : amountText(indicator, amount, lang);
}

/** At most `limit` lines, the rest said in one more sentence. */
function capped(lines: string[], limit: number, lang: Lang): string[] {
  if (lines.length <= limit) return lines;
  return [...lines.slice(0, limit), fill(CATALOGS[lang].report.more, { count: formatNumber(lines.length - limit, 0, lang) })];
}

/**
 * What a leader reads first about the week, each as a plain sentence: the counts by status now
 * (and a week before), the indicators that changed status, the largest movers, the overdue
 * ones. `limit` caps each list (the cover keeps to one page; the email lists everything).
 */
export function weeklyReportText(board: Board, previous: Board | undefined, lang: Lang, limit = Number.POSITIVE_INFINITY): WeeklyReportText {
  const { report, status } = CATALOGS[lang];
  const summary = weeklySummary(board, previous);
  const named = (indicator: BoardIndicator) => ({ code: indicator.code, name: indicator.name });
  return {
    counts: {
      heading: report.countsHeading,
      lines: STATUSES.filter((s) => summary.counts[s] > 0 || (summary.countsBefore?.[s] ?? 0) > 0).map((s) =>
        summary.countsBefore
          ? fill(report.countWithBefore, { status: status[s], count: formatNumber(summary.counts[s], 0, lang), before: formatNumber(summary.countsBefore[s], 0, lang) })
          : fill(report.count, { status: status[s], count: formatNumber(summary.counts[s], 0, lang) }),
      ),
    },
    changes: {
      heading: report.changesHeading,
      lines: summary.statusChanges.length
        ? capped(
            summary.statusChanges.map((change) => fill(change.worse ? report.changeWorse : report.changeBetter, { ...named(change.indicator), from: status[change.from], to: status[change.to] })),
            limit,
            lang,
          )
        : [report.noChanges],
    },
    movers: {
      heading: report.moversHeading,
      lines: summary.movers.length
        ? summary.movers.map(({ indicator, change }) =>
            fill(change.kind === 'up' ? report.moverUp : report.moverDown, {
              ...named(indicator),
              amount: changeAmountText(indicator, change.amount, lang),
              value: amountText(indicator, indicator.current, lang),
              target: amountText(indicator, indicator.target, lang),
            }),
          )
        : [report.noMovers],
    },
    overdue: {
      heading: report.overdueHeading,
      lines: summary.overdue.length
        ? capped(
            summary.overdue.map((indicator) =>
              indicator.lastReadingDate
                ? fill(report.overdueSince, { ...named(indicator), date: formatDate(indicator.lastReadingDate, lang) })
                : fill(report.overdueNever, named(indicator)),
            ),
            limit,
            lang,
          )
        : [report.noOverdue],
    },
  };
}
