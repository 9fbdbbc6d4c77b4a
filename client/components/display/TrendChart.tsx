import { useMemo } from 'react';
import type { BoardIndicator } from '../../../shared/api/board';
import { TermChart, type TermChartLook } from '../trend/TermChart';
import { instantOf, milestoneDates, planPoint, type Term, type TrendPoint } from '../trend/termSeries';

/**
 * Actual (the board's monthly series up to today) against the plan over the whole term. The plan
 * is drawn through its knots alone (start, yearly milestones, end): it is straight between them.
 */
function trendPoints(indicator: BoardIndicator, term: Term): TrendPoint[] {
  const knots = [term.start, ...milestoneDates(indicator), term.end];
  const points = knots.filter((date) => date >= term.start && date <= term.end).map((date) => planPoint(indicator, term, date));
  return [...points, ...indicator.series.map((point) => ({ t: instantOf(point.date), actual: point.actual }))];
}

/**
 * Sizes follow the type size, which follows the viewport. A low chart leaves its year axis out; a
 * tall one (a page of one row of cards) has room to say what its lines are worth.
 */
const SCREEN_LOOK: TermChartLook = {
  classes: { box: 'trend', plan: 'trend-plan', actual: 'trend-actual', today: 'trend-today', now: 'trend-now' },
  sizes: (rem, height) => ({
    // Tick labels are 1.44rem (the distance type scale's least size): the axes make room for them.
    margin: { top: rem * 0.4, right: rem * 1.6, bottom: 0, left: rem * 1.6 },
    xAxis: { hide: !(height > rem * 5), height: rem * 2.2, tickSize: rem * 0.3 },
    yAxis: { hide: !(height > rem * 16), width: rem * 5.4, tickSize: rem * 0.3 },
    nowRadius: rem * 0.3,
  }),
};

/**
 * The trend of one indicator on a screen's card, with a dot on its latest value; the printed
 * report draws the same chart with a `look` of its own (client/report/).
 */
export function TrendChart({ indicator, term, date, look = SCREEN_LOOK }: { indicator: BoardIndicator; term: Term; date: string; look?: TermChartLook }) {
  const points = useMemo(() => trendPoints(indicator, term), [indicator, term]);
  return <TermChart indicator={indicator} term={term} date={date} points={points} look={look} />;
}
