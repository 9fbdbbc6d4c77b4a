import type { Display } from '../../../../shared/api/displays';
import { revokeDisplay } from '../../../api';
import { formatDateTime } from '../../../format';
import { useLang, useT } from '../../../i18n';
import { ConfirmButton } from '../../../ui/Dialog';
import { EditorRow, useRowEditor } from '../../../ui/RowEditor';
import { EditScreenForm } from './EditScreenForm';
import { PresenceBadge } from './PresenceBadge';
import { ScreenCommands, type PageOption } from './ScreenCommands';

export interface ScreenRowProps {
  display: Display;
  pages: readonly PageOption[];
  timeZone: string;
  /** After any action on the screen: the list is asked for again. */
  onChanged: () => void;
  /** A line for the page's status region ("changes saved", "screen revoked"). */
  onAnnounce: (message: string) => void;
  onRevoked: (display: Display) => void;
}

export const SCREEN_COLUMNS = 6;

/** One screen: its facts, remote commands, and (when not revoked) editing and revoking. */
export function ScreenRow({ display, pages, timeZone, onChanged, onAnnounce, onRevoked }: ScreenRowProps) {
  const t = useT();
  const lang = useLang();
  const editor = useRowEditor(() => {
    onAnnounce(t('screens.edit.saved'));
    onChanged();
  });
  const revoked = display.revokedAt !== null;

  return (
    <>
      <tr className={revoked ? 'screen-row is-revoked' : 'screen-row'} data-display-id={display.id}>
        <th scope="row">
          <span className="screen-name">{display.name}</span>
          <span className="screen-sub">{t('screens.list.createdAt', { dateTime: formatDateTime(display.createdAt, timeZone, lang) })}</span>
        </th>
        <td>
          <PresenceBadge display={display} />
          {display.revokedAt !== null && (
            <span className="screen-sub">
              {t('screens.presence.revokedAt', { dateTime: formatDateTime(display.revokedAt, timeZone, lang) })}
            </span>
          )}
        </td>
        <td>
          {display.lastSeenAt === null ? (
            <span className="screen-muted">{t('screens.list.neverSeen')}</span>
          ) : (
            <time dateTime={display.lastSeenAt}>{formatDateTime(display.lastSeenAt, timeZone, lang)}</time>
          )}
        </td>
        <td className="screen-rotate">{t('screens.list.seconds', { count: display.rotateSeconds })}</td>
        <td>{revoked ? <span className="screen-muted">—</span> : <ScreenCommands display={display} pages={pages} onSent={onChanged} />}</td>
        <td>
          {revoked ? (
            <span className="screen-muted">—</span>
          ) : (
            <div className="screen-actions">
              <button
                type="button"
                {...editor.toggleProps}
                className="button button-small"
                aria-label={t('screens.edit.openLabel', { name: display.name })}
              >
                {t('screens.edit.open')}
              </button>
              <ConfirmButton messages="screens.revoke" params={{ name: display.name }} onConfirm={() => revokeDisplay(display.id)} onDone={() => onRevoked(display)} />
            </div>
          )}
        </td>
      </tr>
      {editor.editing && !revoked && (
        <EditorRow id={editor.rowId} columns={SCREEN_COLUMNS}>
          <EditScreenForm display={display} onDone={editor.close} onCancel={() => editor.close(false)} />
        </EditorRow>
      )}
    </>
  );
}
