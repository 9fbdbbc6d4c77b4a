/** One changed field of an audit entry, with its values as recorded. */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export type ChangeSummary =
  | { kind: 'none' }
  | { kind: 'created' | 'removed' | 'changed'; fields: FieldChange[] }
  /** Before and after are not records (a bare value, a list): shown whole. */
  | { kind: 'value'; from: unknown; to: unknown };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every field either side recorded, in the order they were recorded. */
export function fieldsOf(before: unknown, after: unknown): FieldChange[] {
  const from = isRecord(before) ? before : {};
  const to = isRecord(after) ? after : {};
  return [...new Set([...Object.keys(from), ...Object.keys(to)])].map((field) => ({ field, from: from[field], to: to[field] }));
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
  if ((hasBefore && !isRecord(before)) || (hasAfter && !isRecord(after))) return { kind: 'value', from: before, to: after };
  const fields = fieldsOf(before, after)
    // The id is in the entity column already; it stays in the details.
    .filter((change) => change.field !== 'id' && JSON.stringify(change.from) !== JSON.stringify(change.to));
  return { kind: !hasBefore ? 'created' : !hasAfter ? 'removed' : 'changed', fields };
}
