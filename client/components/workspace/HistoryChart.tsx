import { useMemo, useRef } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { Board, BoardIndicator } from '../../../shared/api/board';
import { expectedAt } from '../../../shared/indicator/progress';
import { formatDate, formatNumber } from '../../format';
import { useElementSize } from '../../hooks/useElementSize';
import { useLang, useT } from '../../i18n';
import { valueScale } from '../display/chartScale';
import { amountText } from '../display/indicatorText';

interface ChartPoint {
  t: number;
  actual?: number | null;
  expected?: number;
}

const instantOf = (date: string) => Date.parse(`${date}T00:00:00Z`);

/**
 * The board's monthly series (actual and expected up to today), and the plan on to the term's
 * end: the pace is straight between its knots (yearly milestones, the end), computed by the
 * shared `expectedAt`.
 */
function chartPoints(indicator: BoardIndicator, term: Board['term']): ChartPoint[] {
  const points: ChartPoint[] = indicator.series.map((point) => ({ t: instantOf(point.date), actual: point.actual, expected: point.expected }));
  const last = indicator.series.at(-1)?.date ?? term.start;
  const knots = [...indicator.milestones.map((m) => `${String(m.year).padStart(4, '0')}-12-31`), term.end];
  for (const date of knots) {
    if (date > last && date <= term.end) points.push({ t: instantOf(date), expected: expectedAt(indicator, term, date) });
  }
  if (indicator.series.length === 0) points.unshift({ t: instantOf(term.start), expected: expectedAt(indicator, term, term.start) });
  return points.sort((a, b) => a.t - b.t);
}

function yearTicks(term: Board['term']): number[] {
  const ticks: number[] = [];
  for (let year = Number(term.start.slice(0, 4)) + 1; `${year}-01-01` < term.end; year++) ticks.push(instantOf(`${year}-01-01`));
  return ticks;
}

/** Actual against expected over the whole term, for the history page. Drawn once its box has a size. */
export function HistoryChart({ indicator, board }: { indicator: BoardIndicator; board: Board }) {
  const t = useT();
  const lang = useLang();
  const box = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(box);
  const { term } = board;
  const points = useMemo(() => chartPoints(indicator, term), [indicator, term]);
  const scale = useMemo(
    () => valueScale(points.flatMap((p) => [p.actual, p.expected]).filter((v): v is number => typeof v === 'number'), indicator),
    [points, indicator],
  );
  const ticks = useMemo(() => yearTicks(term), [term]);
  const percent = indicator.measure === 'ratio' || indicator.unit === '%' ? '%' : '';
  const label = t('display.chartLabel', {
    name: indicator.name,
    actual: amountText(indicator, indicator.current, lang),
    expected: amountText(indicator, indicator.expected, lang),
    target: amountText(indicator, indicator.target, lang),
    end: formatDate(term.end, lang),
  });
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;

  return (
    <figure className="ws-chart-figure">
      <div className="ws-chart" ref={box} role="img" aria-label={label}>
        {width > 0 && height > 0 && (
          <LineChart width={width} height={height} data={points} margin={{ top: rem * 0.6, right: rem, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid className="ws-chart-grid" vertical={false} />
            <XAxis
              dataKey="t"
              type="number"
              scale="linear"
              domain={[instantOf(term.start), instantOf(term.end)]}
              ticks={ticks}
              tickFormatter={(value: number) => String(new Date(value).getUTCFullYear())}
              interval={0}
            />
            <YAxis
              domain={scale.domain}
              ticks={scale.ticks}
              interval={0}
              width={rem * 4}
              tickFormatter={(value: number) => `${formatNumber(value, scale.decimals, lang)}${percent}`}
            />
            <ReferenceLine x={instantOf(board.date)} className="ws-chart-today" ifOverflow="hidden" />
            <Line className="ws-chart-expected" dataKey="expected" type="linear" dot={false} activeDot={false} connectNulls isAnimationActive={false} />
            <Line className="ws-chart-actual" dataKey="actual" type="linear" dot={false} activeDot={false} connectNulls isAnimationActive={false} />
          </LineChart>
        )}
      </div>
      <figcaption className="ws-chart-legend" aria-hidden="true">
        <span className="ws-legend-actual">{t('display.legendActual')}</span>
        <span className="ws-legend-expected">{t('display.legendExpected')}</span>
        <span className="ws-legend-today">{t('workspace.history.chartToday', { date: formatDate(board.date, lang) })}</span>
      </figcaption>
    </figure>
  );
}
