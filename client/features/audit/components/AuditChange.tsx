import { useT } from '../../../i18n';
import { prettyJson, summarizeChange, type FieldChange } from './auditChange';

/** Lines shown in the cell; the rest are counted, and all of it is in the details. */
const SHOWN_FIELDS = 3;

function Value({ value }: { value: string | null }) {
  const t = useT();
  return value === null ? <span className="screen-muted">{t('admin.audit.change.empty')}</span> : <span className="audit-value">{value}</span>;
}

/** `field: from → to` for an edit; only the value there is for a creation or a removal. */
function FieldLine({ change, kind }: { change: FieldChange; kind: 'created' | 'removed' | 'changed' }) {
  return (
    <li>
      <span className="admin-mono">{change.field}</span>
      {': '}
      {kind === 'changed' ? (
        <>
          <Value value={change.from} />
          {' → '}
          <Value value={change.to} />
        </>
      ) : (
        <Value value={kind === 'created' ? change.to : change.from} />
      )}
    </li>
  );
}

/**
 * Before → after of one entry, compactly: the fields that changed, then the whole of both as
 * pretty-printed JSON in a <details>. Everything is rendered as text, never as markup.
 */
export function AuditChange({ before, after }: { before: unknown; after: unknown }) {
  const t = useT();
  const summary = summarizeChange(before, after);
  if (summary.kind === 'none') return <span className="screen-muted">{t('admin.audit.change.none')}</span>;

  return (
    <div className="audit-change">
      {summary.kind === 'value' ? (
        <p>
          <Value value={summary.from} />
          {' → '}
          <Value value={summary.to} />
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
        <summary>{t('admin.audit.change.details')}</summary>
        <div className="audit-json">
          <div>
            <p className="field-label">{t('admin.audit.change.before')}</p>
            <pre>{before === null || before === undefined ? t('admin.audit.change.empty') : prettyJson(before)}</pre>
          </div>
          <div>
            <p className="field-label">{t('admin.audit.change.after')}</p>
            <pre>{after === null || after === undefined ? t('admin.audit.change.empty') : prettyJson(after)}</pre>
          </div>
        </div>
      </details>
    </div>
  );
}
