import { useId } from 'react';
import { useLang, useT, type MessageKey } from '../../../i18n';
import { DataTable } from '../../../ui/DataTable';
import { fieldsOf, summarizeChange, type FieldChange } from './auditChange';
import { auditFieldLabel, auditValueText } from './auditValues';

/** Lines shown in the cell; the rest are counted, and all of it is in the details. */
const SHOWN_FIELDS = 3;
/** A value's length in the cell and in the details; a list of 10,000 reading ids is cut. */
const CELL_CHARS = 48;
const DETAIL_CHARS = 600;

function shortened(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function Value({ field, value, max = CELL_CHARS }: { field: string; value: unknown; max?: number }) {
  const t = useT();
  const text = auditValueText(field, value, useLang());
  return text === null ? <span className="screen-muted">{t('admin.audit.change.empty')}</span> : <span className="audit-value">{shortened(text, max)}</span>;
}

/** `field: from → to` for an edit; only the value there is for a creation or a removal. */
function FieldLine({ change, kind }: { change: FieldChange; kind: 'created' | 'removed' | 'changed' }) {
  const lang = useLang();
  return (
    <li>
      <span className="audit-field">{auditFieldLabel(change.field, lang)}</span>
      {': '}
      {kind === 'changed' ? (
        <>
          <Value field={change.field} value={change.from} />
          {' → '}
          <Value field={change.field} value={change.to} />
        </>
      ) : (
        <Value field={change.field} value={kind === 'created' ? change.to : change.from} />
      )}
    </li>
  );
}

const DETAIL_COLUMNS: readonly MessageKey[] = ['admin.audit.change.field', 'admin.audit.change.before', 'admin.audit.change.after'];

/** Everything both sides recorded, field by field, in a table of the details. */
function Details({ before, after, captionId }: { before: unknown; after: unknown; captionId: string }) {
  const lang = useLang();
  const fields = fieldsOf(before, after);
  const rows = fields.length > 0 ? fields : [{ field: '', from: before, to: after }];
  return (
    <DataTable captionId={captionId} className="audit-details-table" columns={DETAIL_COLUMNS}>
      {rows.map((row) => (
        <tr key={row.field}>
          <th scope="row">{row.field === '' ? '—' : auditFieldLabel(row.field, lang)}</th>
          <td>
            <Value field={row.field} value={row.from} max={DETAIL_CHARS} />
          </td>
          <td>
            <Value field={row.field} value={row.to} max={DETAIL_CHARS} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/**
 * Before → after of one entry, compactly: the fields that changed by their names, then
 * everything both sides recorded in a <details>. Everything is rendered as text, never as markup.
 */
export function AuditChange({ before, after }: { before: unknown; after: unknown }) {
  const t = useT();
  const detailsId = useId();
  const summary = summarizeChange(before, after);
  if (summary.kind === 'none') return <span className="screen-muted">{t('admin.audit.change.none')}</span>;

  return (
    <div className="audit-change">
      {summary.kind === 'value' ? (
        <p>
          <Value field="" value={summary.from} />
          {' → '}
          <Value field="" value={summary.to} />
        </p>
      ) : (
        <>
          {summary.kind !== 'changed' && (
            <p className="audit-change-kind">{t(summary.kind === 'created' ? 'admin.audit.change.afterOnly' : 'admin.audit.change.beforeOnly')}</p>
          )}
          <ul className="admin-plain-list">
            {summary.fields.slice(0, SHOWN_FIELDS).map((change) => (
              <FieldLine key={change.field} change={change} kind={summary.kind} />
            ))}
          </ul>
          {summary.fields.length > SHOWN_FIELDS && (
            <p className="screen-muted">{t('admin.audit.change.more', { count: summary.fields.length - SHOWN_FIELDS })}</p>
          )}
        </>
      )}
      <details className="audit-details">
        <summary id={detailsId}>{t('admin.audit.change.details')}</summary>
        <Details before={before} after={after} captionId={detailsId} />
      </details>
    </div>
  );
}
