import type { AuditEntry } from '../../../../shared/api/audit';
import { localeOf } from '../../../format';
import { hasMessage, useLang, useT, type Lang, type MessageKey } from '../../../i18n';
import { DataTable } from '../../../ui/DataTable';
import { AuditChange } from './AuditChange';
import { ADMIN_TIME_ZONE } from '../../../paths/admin';

const instantFormats = new Map<Lang, Intl.DateTimeFormat>();

/** An instant to the second, in the office's zone: `14:05:09 15/01/2026`. */
function formatInstant(iso: string, lang: Lang): string {
  let format = instantFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(lang), {
      timeZone: ADMIN_TIME_ZONE,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    instantFormats.set(lang, format);
  }
  const instant = Date.parse(iso);
  return Number.isNaN(instant) ? iso : format.format(instant);
}

function EntryRow({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const lang = useLang();
  const entityKey = `admin.audit.entity.${entry.entity}`;
  return (
    <tr data-audit-id={entry.id}>
      <th scope="row">
        <time dateTime={entry.at}>{formatInstant(entry.at, lang)}</time>
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
