import type { TermChartLook } from '../components/trend/TermChart';

/**
 * The trend chart of a printed row: the screens' chart (TrendChart → TermChart) with the sizes of
 * paper. `rem` is the report's root size (print.css); the value axis shows once the box has room
 * for its ticks.
 */
export const PRINT_LOOK: TermChartLook = {
  classes: { box: 'print-trend', plan: 'trend-plan', actual: 'trend-actual', today: 'trend-today', grid: 'trend-grid', now: 'trend-now' },
  sizes: (rem, height) => ({
    margin: { top: rem * 0.5, right: rem * 1.1, bottom: 0, left: rem * 0.2 },
    xAxis: { height: rem * 1.5, tickSize: rem * 0.25 },
    yAxis: { hide: !(height > rem * 5), width: rem * 3.4, tickSize: rem * 0.25 },
    nowRadius: rem * 0.28,
  }),
};
