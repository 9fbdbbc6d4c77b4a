import type { AuditEntry } from '../../../shared/api/audit';
import { localeOf } from '../../format';
import { hasMessage, useLang, useT, type Lang } from '../../i18n';
import { AuditChange } from './AuditChange';
import { ADMIN_TIME_ZONE } from './paths';

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

/** The entries as a table, newest first as the server sends them. */
export function AuditTable({ entries, captionId }: { entries: readonly AuditEntry[]; captionId: string }) {
  const t = useT();
  return (
    <div className="table-scroll">
      <table className="screens-table admin-table audit-table" aria-labelledby={captionId}>
        <thead>
          <tr>
            <th scope="col">{t('admin.audit.list.time')}</th>
            <th scope="col">{t('admin.audit.list.actor')}</th>
            <th scope="col">{t('admin.audit.list.ip')}</th>
            <th scope="col">{t('admin.audit.list.action')}</th>
            <th scope="col">{t('admin.audit.list.entity')}</th>
            <th scope="col">{t('admin.audit.list.change')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <EntryRow key={entry.id} entry={entry} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
