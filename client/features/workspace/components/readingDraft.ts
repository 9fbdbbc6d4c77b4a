import { z } from 'zod';
import type { BoardIndicator } from '../../../../shared/api/board';
import { readingFieldErrors, readingInputSchema, type Reading, type ReadingInput } from '../../../../shared/api/readings';
import type { Measure, TermSpan } from '../../../../shared/indicator/model';
import type { Lang } from '../../../i18n';
import type { FieldErrors } from '../../../ui/fieldErrors';
import { workspaceFields } from '../../../components/workspaceFields';
import { decimalText, fractionDigits, parseDecimal } from '../../../components/numbers';

/** How the figure of a cumulative indicator is typed: the amount new in the period (what is saved), or the running total. */
export type Entry = 'amount' | 'total';

/** A reading as typed into a form: text, until it is checked. */
export interface ReadingDraft {
  date: string;
  value: string;
  numerator: string;
  denominator: string;
  note: string;
  evidence: string;
  /** A correction's reason; empty on a new reading. */
  reason: string;
  entry: Entry;
}

export type DraftField = keyof ReadingDraft;

/** The fields a form shows for a measure: a value, or numerator and denominator for a ratio. */
export function draftFields(measure: Measure): DraftField[] {
  const figures: DraftField[] = measure === 'ratio' ? ['numerator', 'denominator'] : ['value'];
  return ['date', ...figures, 'note', 'evidence'];
}

export function emptyDraft(date: string): ReadingDraft {
  return { date, value: '', numerator: '', denominator: '', note: '', evidence: '', reason: '', entry: 'amount' };
}

/** A correction starts from the reading it corrects. */
export function draftOfReading(reading: Reading, lang: Lang): ReadingDraft {
  return {
    date: reading.date,
    value: decimalText(reading.value, lang),
    numerator: decimalText(reading.numerator, lang),
    denominator: decimalText(reading.denominator, lang),
    note: reading.note,
    evidence: reading.evidence,
    reason: '',
    entry: 'amount',
  };
}

/**
 * The running total a new reading of this indicator may be typed as: the sum of its readings
 * (its current value) when it adds them up and takes one value; null otherwise. A correction
 * replaces one period's amount, so it is always typed as that amount.
 */
export function runningTotalOf(indicator: BoardIndicator, correction: boolean): number | null {
  if (correction || indicator.aggregation !== 'cumulative' || indicator.measure === 'ratio') return null;
  return indicator.current ?? 0;
}

/** What checking a draft needs beyond the draft. */
export interface DraftRules {
  measure: Measure;
  term: TermSpan;
  /** The board's date: the latest a reading may be dated. */
  today: string;
  /** Set for a correction: the reading it supersedes (its reason is then required). */
  supersedes?: number | undefined;
  /** Set when the figure may be typed as a running total (`runningTotalOf`). */
  runningTotal?: number | null | undefined;
  /** Leave the reason unchecked (the preview does not need it). */
  ignoreReason?: boolean;
}

export interface DraftCheck {
  /** The reading to send; null while any field is wrong. */
  input: ReadingInput | null;
  errors: FieldErrors;
}

/** A running total less the current sum, without the binary fractions of a subtraction (13,3 − 6,1 is 7,2). */
function amountOfTotal(total: number, sum: number): number {
  return Number((total - sum).toFixed(Math.max(fractionDigits(total), fractionDigits(sum))));
}

/**
 * Checks a draft by the server's own rules before anything is sent: the shape
 * (`readingInputSchema`), then the indicator's measure and term (`readingFieldErrors`). Numbers
 * may be typed with a decimal comma; a running total becomes the amount new in the period (and
 * may not be below the current sum); a reason is required of a correction.
 */
export function checkDraft(draft: ReadingDraft, rules: DraftRules): DraftCheck {
  const { measure, supersedes, runningTotal } = rules;
  const errors: FieldErrors = {};
  if (draft.date === '') errors.date = workspaceFields.message('date', 'required');
  const candidate: Record<string, unknown> = { date: draft.date };
  for (const field of measure === 'ratio' ? (['numerator', 'denominator'] as const) : (['value'] as const)) {
    const number = parseDecimal(draft[field]);
    // A whole number is asked for (a count, a ratio's figures): its example is a whole number too.
    const integer = measure === 'count' || measure === 'ratio';
    if (Number.isNaN(number)) errors[field] = workspaceFields.message(field, integer ? 'invalid_integer' : 'invalid_number');
    else if (number === undefined) continue;
    else if (field === 'value' && draft.entry === 'total' && runningTotal !== null && runningTotal !== undefined) {
      if (number < runningTotal) errors.value = workspaceFields.message('value', 'below_running_total');
      else candidate.value = amountOfTotal(number, runningTotal);
    } else candidate[field] = number;
  }
  const note = draft.note.trim();
  const evidence = draft.evidence.trim();
  if (note) candidate.note = note;
  if (evidence) candidate.evidence = evidence;
  if (supersedes !== undefined) {
    candidate.supersedes = supersedes;
    const reason = draft.reason.trim();
    if (reason) candidate.reason = reason;
    else if (!rules.ignoreReason) errors.reason = workspaceFields.message('reason', 'required');
  }

  const shape = readingInputSchema.safeParse(candidate);
  if (!shape.success) return { input: null, errors: { ...workspaceFields.ofIssues(shape.error.issues), ...errors } };
  const verdict = workspaceFields.ofCodes(readingFieldErrors(shape.data, measure, rules.term, rules.today));
  const all = { ...verdict, ...errors };
  return { input: Object.keys(all).length === 0 ? shape.data : null, errors: all };
}

const text = z.string();

/**
 * The form's schema for react-hook-form's zod resolver: the draft's text fields, turned into the
 * reading to send by `checkDraft` (the shared schema and rules); each error an issue on its
 * field whose message is the key of the message shown beside it.
 */
export function draftSchema(rules: DraftRules) {
  return z
    .object({ date: text, value: text, numerator: text, denominator: text, note: text, evidence: text, reason: text, entry: z.enum(['amount', 'total']) })
    .transform((draft, context) => {
      const check = checkDraft(draft, rules);
      if (check.input) return check.input;
      for (const [field, key] of Object.entries(check.errors)) if (key) context.addIssue({ code: 'custom', path: [field], message: key });
      return z.NEVER;
    });
}
