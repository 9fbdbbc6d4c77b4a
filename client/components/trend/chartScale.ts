import type { BoardIndicator } from '../../../shared/api/board';
import { startValue } from '../../../shared/indicator/pace';

export interface ValueScale {
  domain: [number, number];
  ticks: number[];
  /** Fraction digits the tick labels need. */
  decimals: number;
}

/** A round step (1, 2, 2.5 or 5 times a power of ten) that cuts `span` into about `count` parts. */
function niceStep(span: number, count: number): number {
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((step) => step >= raw - 1e-12) ?? 10 * magnitude;
}

/**
 * The value axis of a trend: the lines, the start value and the target, on round ticks. A narrow
 * range is widened to a fifth of the values' size, so that 97,5% against 100% reads as the small
 * dip it is rather than a fall; the widening goes away from the target (below it for an increase,
 * above it for a decrease). Never below zero for values that cannot be, nor above 100 for shares.
 */
export function valueScale(values: readonly number[], indicator: BoardIndicator): ValueScale {
  const all = [...values, startValue(indicator), indicator.target];
  let low = Math.min(...all);
  let high = Math.max(...all);
  // Counts are whole: a flat line at zero gets a scale of a few units, not of quarters.
  const whole = indicator.measure === 'count';
  const least = Math.max(Math.max(Math.abs(low), Math.abs(high)) * 0.2, whole ? 4 : 1e-9) || 1;
  if (high - low < least) {
    if (indicator.direction === 'decrease') high = low + least;
    else low = high - least;
  }
  const step = whole ? Math.max(1, Math.round(niceStep(high - low, 4))) : niceStep(high - low, 4);
  let from = Math.floor(low / step + 1e-9) * step;
  let to = Math.ceil(high / step - 1e-9) * step;
  if (Math.min(...all) >= 0) from = Math.max(0, from);
  const isShare = indicator.measure === 'percent' || indicator.measure === 'ratio';
  if (isShare && Math.max(...all) <= 100) to = Math.min(100, to);
  const ticks: number[] = [];
  for (let tick = from; tick <= to + step / 1000; tick += step) ticks.push(Math.round(tick * 1e6) / 1e6);
  const decimals = Number.isInteger(step) ? 0 : Math.min(4, String(step).split('.')[1]?.length ?? 0);
  return { domain: [from, to], ticks, decimals };
}
