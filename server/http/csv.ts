import { stringify } from 'csv-stringify/sync';

/**
 * A cell a spreadsheet would run as a formula (= + - @, or a tab or carriage return first) is
 * prefixed with an apostrophe, so that a note typed as "=HYPERLINK(...)" stays text.
 */
export function neutraliseCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** CSV with a header row, every cell neutralised, UTF-8 with a BOM so that Excel reads Vietnamese right. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
  return '\uFEFF' + stringify([header.map(neutraliseCell), ...rows.map((row) => row.map(neutraliseCell))]);
}
