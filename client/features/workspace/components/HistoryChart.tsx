import { useMemo } from 'react';
import type { Board, BoardIndicator } from '../../../../shared/api/board';
import { formatDate } from '../../../format';
import { useLang, useT } from '../../../i18n';
import { TermChart, type TermChartLook } from '../../../components/trend/TermChart';
import { instantOf, milestoneDates, planPoint, type Term, type TrendPoint } from '../../../components/trend/termSeries';

/**
 * The board's monthly series (actual and expected up to today), and the plan on to the term's
 * end through its knots (yearly milestones, the end): it is straight between them.
 */
function historyPoints(indicator: BoardIndicator, term: Term): TrendPoint[] {
  const points: TrendPoint[] = indicator.series.map((point) => ({ t: instantOf(point.date), actual: point.actual, plan: point.expected }));
  if (points.length === 0) points.push(planPoint(indicator, term, term.start));
  const last = indicator.series.at(-1)?.date ?? term.start;
  for (const date of [...milestoneDates(indicator), term.end]) {
    if (date > last && date <= term.end) points.push(planPoint(indicator, term, date));
  }
  return points;
}

/** Recharts' own axis sizes, a wider value axis, and grid lines to read values across. */
const HISTORY_LOOK: TermChartLook = {
  classes: { box: 'ws-chart', plan: 'ws-chart-expected', actual: 'ws-chart-actual', today: 'ws-chart-today', grid: 'ws-chart-grid' },
  sizes: (rem) => ({
    margin: { top: rem * 0.6, right: rem, bottom: 0, left: 0 },
    xAxis: {},
    yAxis: { width: rem * 4 },
  }),
};

/** Actual against expected over the whole term, for the history page, with its legend below. */
export function HistoryChart({ indicator, board }: { indicator: BoardIndicator; board: Board }) {
  const t = useT();
  const lang = useLang();
  const { term } = board;
  const points = useMemo(() => historyPoints(indicator, term), [indicator, term]);

  return (
    <figure className="ws-chart-figure">
      <TermChart indicator={indicator} term={term} date={board.date} points={points} look={HISTORY_LOOK} />
      <figcaption className="ws-chart-legend" aria-hidden="true">
        <span className="ws-legend-actual">{t('display.legendActual')}</span>
        <span className="ws-legend-expected">{t('display.legendExpected')}</span>
        <span className="ws-legend-today">{t('workspace.history.chartToday', { date: formatDate(board.date, lang) })}</span>
      </figcaption>
    </figure>
  );
}
