import type { ApiToken } from '../../../../shared/api/tokens';
import { revokeApiToken } from '../../../api/admin';
import { formatDateTime } from '../../../format';
import { useLang, useT, type MessageKey } from '../../../i18n';
import { DataTable } from '../../../ui/DataTable';
import { ConfirmButton } from '../../../ui/Dialog';
import { ADMIN_TIME_ZONE } from '../../../paths/admin';

interface RowProps {
  token: ApiToken;
  unitPaths: ReadonlyMap<number, string>;
  /** Indicator id → its code, from the board. */
  indicatorCodes: ReadonlyMap<number, string>;
  onRevoked: (token: ApiToken) => void;
}

/** One token: its name, what it may write for, when it was made, and revoking it. */
function TokenRow({ token, unitPaths, indicatorCodes, onRevoked }: RowProps) {
  const t = useT();
  const lang = useLang();
  const revoked = token.revokedAt !== null;
  const units = token.unitIds.map((id) => unitPaths.get(id) ?? t('admin.units.unknown', { id }));
  const codes = token.indicatorIds.map((id) => indicatorCodes.get(id) ?? t('admin.tokens.list.unknownIndicator', { id }));

  return (
    <tr className={revoked ? 'admin-row is-revoked' : 'admin-row'} data-token-id={token.id}>
      <th scope="row">
        <span className="screen-name">{token.name}</span>
      </th>
      <td>
        <ul className="admin-plain-list">
          {units.length > 0 && <li>{t('admin.tokens.list.unitsScope', { names: units.join('; ') })}</li>}
          {codes.length > 0 && <li>{t('admin.tokens.list.indicatorsScope', { codes: codes.join(', ') })}</li>}
        </ul>
      </td>
      <td>
        <time dateTime={token.createdAt}>{formatDateTime(token.createdAt, ADMIN_TIME_ZONE, lang)}</time>
      </td>
      <td>
        <span className={revoked ? 'badge presence-revoked' : 'badge account-active'}>
          {t(revoked ? 'admin.tokens.status.revoked' : 'admin.tokens.status.active')}
        </span>
        {token.revokedAt !== null && (
          <span className="screen-sub">
            {t('admin.tokens.status.revokedAt', { dateTime: formatDateTime(token.revokedAt, ADMIN_TIME_ZONE, lang) })}
          </span>
        )}
      </td>
      <td>
        {revoked ? (
          <span className="screen-muted">—</span>
        ) : (
          <ConfirmButton messages="admin.tokens.revoke" params={{ name: token.name }} onConfirm={() => revokeApiToken(token.id)} onDone={() => onRevoked(token)} />
        )}
      </td>
    </tr>
  );
}

type Props = Omit<RowProps, 'token'> & { tokens: readonly ApiToken[]; captionId: string };

/** Tokens in use first, newest first; revoked ones stay listed below them, as history. */
function inUseFirst(tokens: readonly ApiToken[]): ApiToken[] {
  return [...tokens].sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || b.id - a.id);
}

const COLUMNS: readonly MessageKey[] = [
  'admin.tokens.list.name',
  'admin.tokens.list.scope',
  'admin.tokens.list.createdAt',
  'admin.tokens.list.status',
  'admin.tokens.list.actions',
];

export function TokensTable({ tokens, captionId, ...rowProps }: Props) {
  return (
    <DataTable captionId={captionId} className="screens-table admin-table" columns={COLUMNS}>
      {inUseFirst(tokens).map((token) => (
        <TokenRow key={token.id} token={token} {...rowProps} />
      ))}
    </DataTable>
  );
}
