import { useMemo, useRef } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceDot, ReferenceLine, XAxis, YAxis, type Margin } from 'recharts';
import type { BoardIndicator } from '../../../shared/api/board';
import { formatDate, formatNumber } from '../../format';
import { useElementSize } from '../../hooks/useElementSize';
import { useLang, useT } from '../../i18n';
import { amountText, valueUnitOf } from '../indicatorText';
import { valueScale } from './chartScale';
import { instantOf, yearOf, yearTicks, type Term, type TrendPoint } from './termSeries';

/** An axis's sizes in px; what is left out keeps Recharts' default. */
interface AxisSizes {
  hide?: boolean;
  height?: number;
  width?: number;
  tickSize?: number;
}

export interface TermChartSizes {
  margin: Margin;
  xAxis: AxisSizes;
  yAxis: AxisSizes;
  /** Radius of the dot on the last actual value. */
  nowRadius?: number;
}

/** The classes a place's stylesheet draws the chart by: its box and each mark. */
export interface TermChartClasses {
  box: string;
  plan: string;
  actual: string;
  today: string;
  /** Horizontal grid lines; none without a class. */
  grid?: string;
  /** A dot on the last actual value; none without a class. */
  now?: string;
}

/** What a place makes of the chart: its classes (which marks show) and its sizes. */
export interface TermChartLook {
  classes: TermChartClasses;
  /** Sizes for the root font size in px (`rem`) and the height of the chart's box. */
  sizes(rem: number, height: number): TermChartSizes;
}

interface Props {
  indicator: BoardIndicator;
  term: Term;
  /** The board's date, marked by a vertical line. */
  date: string;
  /** The points to draw, in any order (memoised by the caller: the value axis is computed from them). */
  points: readonly TrendPoint[];
  look: TermChartLook;
}

/**
 * An indicator's actual values against its plan over the whole term: years along, round values up,
 * a line at today; its words (actual, plan, target) are its accessible name. Drawn only once its
 * box has a size (no Recharts warning); no animation, so live updates and the export draw at once.
 */
export function TermChart({ indicator, term, date, points, look }: Props) {
  const t = useT();
  const lang = useLang();
  const box = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(box);
  const { classes } = look;
  const series = useMemo(() => [...points].sort((a, b) => a.t - b.t), [points]);
  const scale = useMemo(
    () => valueScale(points.flatMap((p) => [p.actual, p.plan]).filter((v): v is number => typeof v === 'number'), indicator),
    [points, indicator],
  );
  const percent = valueUnitOf(indicator) === '%' ? '%' : '';
  const ticks = useMemo(() => yearTicks(term), [term]);
  const last = classes.now ? [...indicator.series].reverse().find((p) => p.actual !== null) : undefined;
  const label = t('display.chartLabel', {
    name: indicator.name,
    actual: amountText(indicator, indicator.current, lang),
    expected: amountText(indicator, indicator.expected, lang),
    target: amountText(indicator, indicator.target, lang),
    end: formatDate(term.end, lang),
  });
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const sizes = look.sizes(rem, height);

  return (
    <div className={classes.box} ref={box} role="img" aria-label={label}>
      {width > 0 && height > 0 && (
        <LineChart width={width} height={height} data={series} margin={sizes.margin} accessibilityLayer={false}>
          {classes.grid && <CartesianGrid className={classes.grid} vertical={false} />}
          <XAxis
            dataKey="t"
            type="number"
            scale="linear"
            domain={[instantOf(term.start), instantOf(term.end)]}
            ticks={ticks}
            tickFormatter={yearOf}
            interval={0}
            {...sizes.xAxis}
          />
          <YAxis
            domain={scale.domain}
            ticks={scale.ticks}
            interval={0}
            tickFormatter={(value: number) => `${formatNumber(value, scale.decimals, lang)}${percent}`}
            {...sizes.yAxis}
          />
          <ReferenceLine x={instantOf(date)} className={classes.today} ifOverflow="hidden" />
          <Line className={classes.plan} dataKey="plan" type="linear" dot={false} activeDot={false} connectNulls isAnimationActive={false} />
          <Line className={classes.actual} dataKey="actual" type="linear" dot={false} activeDot={false} connectNulls isAnimationActive={false} />
          {classes.now && last && last.actual !== null && (
            <ReferenceDot className={classes.now} x={instantOf(last.date)} y={last.actual} r={sizes.nowRadius} ifOverflow="visible" />
          )}
        </LineChart>
      )}
    </div>
  );
}
