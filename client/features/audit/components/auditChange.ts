/** One changed field of an audit entry, its values already shortened for a table cell. */
export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

export type ChangeSummary =
  | { kind: 'none' }
  | { kind: 'created' | 'removed' | 'changed'; fields: FieldChange[] }
  /** Before and after are not records (a bare value, a list): shown whole. */
  | { kind: 'value'; from: string | null; to: string | null };

const MAX_VALUE_CHARS = 48;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as one short line of text: strings bare, anything else as compact JSON. */
export function shortValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

/**
 * What an entry changed, field by field: for an edit only the fields whose value differs; when
 * only one side was recorded (a creation; a revocation logged with its state before), the
 * fields of that side.
 */
export function summarizeChange(before: unknown, after: unknown): ChangeSummary {
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  if (!hasBefore && !hasAfter) return { kind: 'none' };
  if ((hasBefore && !isRecord(before)) || (hasAfter && !isRecord(after))) {
    return { kind: 'value', from: shortValue(before), to: shortValue(after) };
  }
  const from = isRecord(before) ? before : {};
  const to = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])]
    // The id is in the entity column already; it stays in the details.
    .filter((field) => field !== 'id' && JSON.stringify(from[field]) !== JSON.stringify(to[field]))
    .map((field) => ({ field, from: shortValue(from[field]), to: shortValue(to[field]) }));
  return { kind: !hasBefore ? 'created' : !hasAfter ? 'removed' : 'changed', fields };
}

/** A value pretty-printed for the details of an entry. */
export function prettyJson(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? String(value);
}
