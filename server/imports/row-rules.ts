import type { ImportRow } from '../../shared/api/imports';
import { readingFieldErrors, readingInputSchema, type ReadingInput } from '../../shared/api/readings';
import type { Measure, ReadingFact, TermSpan } from '../../shared/indicator/model';
import { isIsoDate } from '../../shared/time/dates';
import type { RawRow } from './parse-file';

/** Numbers as people type them: "97,5" (Vietnamese decimal comma) or "97.5"; no thousands separators. */
export function parseNumber(cell: string | number | Date | undefined): number | null | 'invalid' {
  if (cell === undefined || cell === '') return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : 'invalid';
  if (cell instanceof Date) return 'invalid';
  const text = cell.trim().replace(/\s/g, '');
  if (!/^[+-]?\d+([.,]\d+)?$/.test(text)) return 'invalid';
  return Number(text.replace(',', '.'));
}

/** Dates as YYYY-MM-DD, DD/MM/YYYY (as written in Vietnam) or a spreadsheet date cell. */
export function parseDate(cell: string | number | Date | undefined): string | null | 'invalid' {
  if (cell === undefined || cell === '') return null;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? 'invalid' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') return 'invalid';
  const text = cell.trim();
  const vietnamese = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = vietnamese ? `${vietnamese[3]}-${vietnamese[2]!.padStart(2, '0')}-${vietnamese[1]!.padStart(2, '0')}` : text;
  return isIsoDate(iso) ? iso : 'invalid';
}

const text = (cell: string | number | Date | undefined) => (cell === undefined ? '' : cell instanceof Date ? cell.toISOString() : String(cell).trim());

/** What a row's reading is, or why it cannot be one. */
export interface RowTarget {
  indicator?: { id: number; measure: Measure; ownerUnitId: number };
  /** Set when the row cannot be written for a reason beside its values. */
  refusal?: 'unknown_indicator' | 'forbidden' | 'term_closed';
}

/** Applies the reading rules of the API to one row; `status` is `new` or `error` (duplicates come after). */
export function checkRow(raw: RawRow, target: RowTarget, term: TermSpan, today: string): { row: ImportRow; input?: ReadingInput } {
  const errors: Record<string, string> = {};
  const code = text(raw.cells.code);
  const date = parseDate(raw.cells.date);
  const numbers = {
    value: parseNumber(raw.cells.value),
    numerator: parseNumber(raw.cells.numerator),
    denominator: parseNumber(raw.cells.denominator),
  };
  const note = text(raw.cells.note);
  const evidence = text(raw.cells.evidence);
  if (!code) errors.code = 'required';
  else if (target.refusal) errors.code = target.refusal;
  if (date === null) errors.date = 'required';
  else if (date === 'invalid') errors.date = 'invalid_date';
  for (const [field, value] of Object.entries(numbers)) if (value === 'invalid') errors[field] = 'invalid_number';

  const row: ImportRow = {
    row: raw.row,
    code,
    date: typeof date === 'string' && date !== 'invalid' ? date : text(raw.cells.date),
    value: typeof numbers.value === 'number' ? numbers.value : null,
    numerator: typeof numbers.numerator === 'number' ? numbers.numerator : null,
    denominator: typeof numbers.denominator === 'number' ? numbers.denominator : null,
    note,
    evidence,
    status: 'error',
    errors,
  };
  if (Object.keys(errors).length > 0 || !target.indicator) return { row };

  const candidate = {
    date: row.date,
    ...(row.value !== null ? { value: row.value } : {}),
    ...(row.numerator !== null ? { numerator: row.numerator } : {}),
    ...(row.denominator !== null ? { denominator: row.denominator } : {}),
    ...(note ? { note } : {}),
    ...(evidence ? { evidence } : {}),
  };
  const shape = readingInputSchema.safeParse(candidate);
  if (!shape.success) {
    for (const issue of shape.error.issues) errors[String(issue.path[0] ?? 'row')] ??= issue.code;
    return { row };
  }
  Object.assign(errors, readingFieldErrors(shape.data, target.indicator.measure, term, today));
  if (Object.keys(errors).length > 0) return { row };
  return { row: { ...row, status: 'new' }, input: shape.data };
}

/**
 * The readings already there (not replaced by a correction), to tell a row that repeats one: the
 * same date and figures. Keyed, so that a file of 50,000 rows is not compared row by row with
 * every reading of its indicator.
 */
export class KnownReadings {
  private readonly keys = new Set<string>();

  constructor(existing: readonly ReadingFact[]) {
    const superseded = new Set(existing.flatMap((r) => (r.supersedesId === null ? [] : [r.supersedesId])));
    for (const r of existing) if (!superseded.has(r.id)) this.keys.add(keyOf(r.date, r.value, r.numerator, r.denominator));
  }

  /** True when `input` repeats a reading there; otherwise it is counted as there from now on (later rows of the file). */
  repeatedOrAdded(input: ReadingInput): boolean {
    const key = keyOf(input.date, input.value ?? null, input.numerator ?? null, input.denominator ?? null);
    if (this.keys.has(key)) return true;
    this.keys.add(key);
    return false;
  }
}

/**
 * Rows of one file that give an indicator taking its latest reading two different figures for
 * one date: the file contradicts itself (only one can be that day's value, and the later row
 * would win unseen), and which is right only the clerk can say, so every such row is an error
 * (`conflicting_rows`, docs/decisions.md). A cumulative indicator's rows are additions, which
 * add up on one day as on two. Rows with the same figures repeat each other and are left to the
 * duplicate rule.
 */
export class ConflictingRows {
  private readonly byDay = new Map<string, { figures: string; rows: number[]; conflicting: boolean }>();

  /** Notes that row `index` of the file gives `input` for `indicator`. */
  add(index: number, indicator: { id: number; aggregation: string }, input: ReadingInput): void {
    if (indicator.aggregation !== 'latest') return;
    const day = `${indicator.id}|${input.date}`;
    const figures = keyOf(input.date, input.value ?? null, input.numerator ?? null, input.denominator ?? null);
    const seen = this.byDay.get(day);
    if (!seen) {
      this.byDay.set(day, { figures, rows: [index], conflicting: false });
      return;
    }
    seen.rows.push(index);
    if (seen.figures !== figures) seen.conflicting = true;
  }

  /** The indexes of every row in a contradiction. */
  indexes(): Set<number> {
    return new Set([...this.byDay.values()].flatMap((day) => (day.conflicting ? day.rows : [])));
  }
}

function keyOf(date: string, value: number | null, numerator: number | null, denominator: number | null): string {
  return `${date}|${value}|${numerator}|${denominator}`;
}
