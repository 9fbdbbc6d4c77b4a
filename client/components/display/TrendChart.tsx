import { useMemo, useRef } from 'react';
import { Line, LineChart, ReferenceDot, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { Board, BoardIndicator } from '../../../shared/api/board';
import { expectedAt } from '../../../shared/indicator/progress';
import { formatDate, formatNumber } from '../../format';
import { useElementSize } from '../../hooks/useElementSize';
import { useLang, useT } from '../../i18n';
import { valueScale } from './chartScale';
import { amountText, valueUnitOf } from './indicatorText';

interface TrendPoint {
  t: number;
  actual?: number | null;
  plan?: number;
}

const instantOf = (date: string) => Date.parse(`${date}T00:00:00Z`);

/**
 * Actual (the board's monthly series up to today) against the plan over the whole term. The plan
 * is the term's pace, which is straight between its knots (start, yearly milestones, end), so the
 * knots alone draw it exactly, computed by the shared `expectedAt`.
 */
function trendPoints(indicator: BoardIndicator, term: Board['term']): TrendPoint[] {
  const span = { start: term.start, end: term.end };
  const knots = [term.start, ...indicator.milestones.map((m) => `${String(m.year).padStart(4, '0')}-12-31`), term.end];
  const points: TrendPoint[] = knots
    .filter((date) => date >= term.start && date <= term.end)
    .map((date) => ({ t: instantOf(date), plan: expectedAt(indicator, span, date) }));
  for (const point of indicator.series) points.push({ t: instantOf(point.date), actual: point.actual });
  return points.sort((a, b) => a.t - b.t);
}

/** 1 January of each year strictly inside the term: the year ticks. */
function yearTicks(term: Board['term']): number[] {
  const ticks: number[] = [];
  for (let year = Number(term.start.slice(0, 4)) + 1; `${year}-01-01` < term.end; year++) ticks.push(instantOf(`${year}-01-01`));
  return ticks;
}

const yearOf = (t: number) => String(new Date(t).getUTCFullYear());

/** The trend of one indicator over the term; drawn only once its box has a size (no Recharts warning). */
export function TrendChart({ indicator, term, date }: { indicator: BoardIndicator; term: Board['term']; date: string }) {
  const t = useT();
  const lang = useLang();
  const box = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(box);
  const points = useMemo(() => trendPoints(indicator, term), [indicator, term]);
  const scale = useMemo(
    () => valueScale(points.flatMap((p) => [p.actual, p.plan]).filter((v): v is number => typeof v === 'number'), indicator),
    [points, indicator],
  );
  const percent = valueUnitOf(indicator) === '%' ? '%' : '';
  const ticks = useMemo(() => yearTicks(term), [term]);
  const last = [...indicator.series].reverse().find((p) => p.actual !== null);
  const label = t('display.chartLabel', {
    name: indicator.name,
    actual: amountText(indicator, indicator.current, lang),
    expected: amountText(indicator, indicator.expected, lang),
    target: amountText(indicator, indicator.target, lang),
    end: formatDate(term.end, lang),
  });
  // Axis labels follow the type size, which follows the viewport.
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const showAxis = height > rem * 4;
  // A tall chart (a page of one row of cards) has room to say what its lines are worth.
  const showValues = height > rem * 14;

  return (
    <div className="trend" ref={box} role="img" aria-label={label}>
      {width > 0 && height > 0 && (
        <LineChart
          width={width}
          height={height}
          data={points}
          margin={{ top: rem * 0.4, right: rem * 0.6, bottom: 0, left: rem * 0.6 }}
          accessibilityLayer={false}
        >
          <XAxis
            dataKey="t"
            type="number"
            scale="linear"
            domain={[instantOf(term.start), instantOf(term.end)]}
            ticks={ticks}
            tickFormatter={yearOf}
            hide={!showAxis}
            height={rem * 1.5}
            tickSize={rem * 0.3}
            interval={0}
          />
          <YAxis
            hide={!showValues}
            domain={scale.domain}
            ticks={scale.ticks}
            interval={0}
            tickFormatter={(value: number) => `${formatNumber(value, scale.decimals, lang)}${percent}`}
            width={rem * 3.6}
            tickSize={rem * 0.3}
          />
          <ReferenceLine x={instantOf(date)} className="trend-today" ifOverflow="hidden" />
          <Line className="trend-plan" dataKey="plan" type="linear" dot={false} activeDot={false} connectNulls isAnimationActive={false} />
          <Line className="trend-actual" dataKey="actual" type="linear" dot={false} activeDot={false} connectNulls isAnimationActive={false} />
          {last && last.actual !== null && (
            <ReferenceDot className="trend-now" x={instantOf(last.date)} y={last.actual} r={rem * 0.3} ifOverflow="visible" />
          )}
        </LineChart>
      )}
    </div>
  );
}
