import type { Lang } from '../i18n';

/**
 * A number typed by a person: `97,5` (the Vietnamese decimal comma) or `97.5`, optional sign,
 * spaces ignored. No thousands separators: `1.234` is one point two three four, never 1234, so
 * nothing typed is silently read as a number a thousand times larger. Empty: undefined; anything
 * else: NaN, which the form reports as not a number.
 */
export function parseDecimal(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return undefined;
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(compact)) return Number.NaN;
  return Number(compact.replace(',', '.'));
}

/** A number as it is typed back into a field: with a comma in Vietnamese (`97,5`), digits as stored. */
export function decimalText(value: number | null, lang: Lang): string {
  if (value === null) return '';
  const text = String(value);
  return lang === 'vi' ? text.replace('.', ',') : text;
}

/** Fraction digits a value really has (at most 6): a stored reading is shown as it was typed. */
export function fractionDigits(value: number): number {
  if (Number.isInteger(value)) return 0;
  const text = value.toFixed(6).replace(/0+$/, '');
  return Math.max(0, text.length - text.indexOf('.') - 1);
}
