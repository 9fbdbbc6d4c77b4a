import type { AuditEntry } from '../../../../shared/api/audit';
import { hasMessage, useLang, useT, type MessageKey } from '../../../i18n';
import { DataTable } from '../../../ui/DataTable';
import { AuditChange } from './AuditChange';
import { auditInstantText } from './auditValues';

function EntryRow({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const lang = useLang();
  const entityKey = `admin.audit.entity.${entry.entity}`;
  return (
    <tr data-audit-id={entry.id}>
      <th scope="row">
        <time dateTime={entry.at}>{auditInstantText(entry.at, lang)}</time>
      </th>
      <td>
        <span className="screen-name">{entry.actor.name}</span>
        <span className="screen-sub">{t(`admin.audit.actorKind.${entry.actor.kind}`)}</span>
      </td>
      <td className="admin-mono">{entry.ip}</td>
      <td>{t(`admin.audit.action.${entry.action}`)}</td>
      <td>
        {hasMessage(entityKey) ? t(entityKey) : entry.entity}
        {entry.entityId !== null && <span className="screen-muted"> #{entry.entityId}</span>}
      </td>
      <td className="audit-change-cell">
        <AuditChange before={entry.before} after={entry.after} />
      </td>
    </tr>
  );
}

const COLUMNS: readonly MessageKey[] = [
  'admin.audit.list.time',
  'admin.audit.list.actor',
  'admin.audit.list.ip',
  'admin.audit.list.action',
  'admin.audit.list.entity',
  'admin.audit.list.change',
];

/** The entries as a table, newest first as the server sends them. */
export function AuditTable({ entries, captionId }: { entries: readonly AuditEntry[]; captionId: string }) {
  return (
    <DataTable captionId={captionId} className="screens-table admin-table audit-table" columns={COLUMNS}>
      {entries.map((entry) => (
        <EntryRow key={entry.id} entry={entry} />
      ))}
    </DataTable>
  );
}
