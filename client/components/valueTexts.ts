import type { BoardIndicator } from '../../shared/api/board';
import type { Reading } from '../../shared/api/readings';
import { formatNumber, formatRatio, formatValue } from '../format';
import type { Lang } from '../i18n';
import { fractionDigits } from './numbers';

/** What a ratio counts, after its figures (`4/5 chi bộ`); nothing when it is a plain percentage. */
function countedUnit(indicator: BoardIndicator): string {
  return indicator.unit && indicator.unit !== '%' ? ` ${indicator.unit}` : '';
}

/** A current value as the board shows it: `12 đảng viên`, `97,5%`, `4/5 chi bộ (80%)`; null without data. */
export function currentText(
  indicator: BoardIndicator,
  value: { current: number | null; numerator: number | null; denominator: number | null },
  lang: Lang,
): string | null {
  if (value.current === null) return null;
  if (indicator.measure === 'ratio' && value.numerator !== null && value.denominator !== null) {
    const share = formatValue(value.current, indicator.decimals, '%', lang);
    return `${formatRatio(value.numerator, value.denominator, lang)}${countedUnit(indicator)} (${share})`;
  }
  return formatValue(value.current, indicator.decimals, indicator.unit, lang);
}

/** One reading's own figures, with every digit it was recorded with. */
export function readingText(indicator: BoardIndicator, reading: Reading, lang: Lang): string {
  if (reading.numerator !== null && reading.denominator !== null) {
    return `${formatRatio(reading.numerator, reading.denominator, lang)}${countedUnit(indicator)}`;
  }
  if (reading.value === null) return '—';
  const decimals = Math.max(indicator.decimals, fractionDigits(reading.value));
  const unit = indicator.measure === 'ratio' ? '%' : indicator.unit;
  return formatValue(reading.value, decimals, unit, lang);
}

/** A number from a file, as typed there. */
export function plainNumber(value: number | null, lang: Lang): string {
  return value === null ? '' : formatNumber(value, fractionDigits(value), lang);
}
