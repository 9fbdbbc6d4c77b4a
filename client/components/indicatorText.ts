import type { BoardIndicator } from '../../shared/api/board';
import { formatNumber, formatRatio, formatValue } from '../format';
import type { Lang } from '../i18n';

/** How an indicator's current value reads on a card: the big figure, its unit, a second figure. */
export interface ValueText {
  /** `1.234`, `97,5`, `4/5`; an em dash without data. */
  figure: string;
  /** `%`, `hồ sơ`, `chi bộ`; empty when the measure has none. */
  unit: string;
  /** For a ratio, its percentage (`80%`), else null. */
  secondary: string | null;
}

/** For a ratio, current, target and expected are percentages; `unit` names what is counted. */
export function valueUnitOf(indicator: BoardIndicator): string {
  return indicator.measure === 'ratio' ? '%' : indicator.unit;
}

export function valueText(indicator: BoardIndicator, lang: Lang): ValueText {
  const { current, numerator, denominator, decimals } = indicator;
  if (current === null) return { figure: '—', unit: '', secondary: null };
  if (indicator.measure === 'ratio' && numerator !== null && denominator !== null) {
    const counted = indicator.unit === '%' ? '' : indicator.unit;
    return { figure: formatRatio(numerator, denominator, lang), unit: counted, secondary: formatValue(current, decimals, '%', lang) };
  }
  return { figure: formatNumber(current, decimals, lang), unit: valueUnitOf(indicator), secondary: null };
}

/** The figure and its unit as one string: `97,5%`, `6 đảng viên`, `4/5 chi bộ`. */
export function figureWithUnit({ figure, unit }: ValueText): string {
  if (!unit) return figure;
  return unit === '%' ? `${figure}%` : `${figure} ${unit}`;
}

/** A value of the indicator (target, expected) with its unit: `20 đảng viên`, `100%`. */
export function amountText(indicator: BoardIndicator, value: number | null, lang: Lang): string {
  return formatValue(value, indicator.decimals, valueUnitOf(indicator), lang);
}

/** A value without a long unit, for tight rows: `12`, `97,5%`. */
export function shortAmountText(indicator: BoardIndicator, value: number | null, lang: Lang): string {
  return formatValue(value, indicator.decimals, valueUnitOf(indicator) === '%' ? '%' : '', lang);
}
