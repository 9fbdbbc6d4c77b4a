import { useRef, useState } from 'react';
import type { User } from '../../../../shared/api/users';
import { updateUser } from '../../../api/admin';
import { formatDateTime } from '../../../format';
import { useLang, useT } from '../../../i18n';
import { ConfirmDialog } from '../../../ui/Dialog';
import { EditorRow, useRowEditor } from '../../../ui/RowEditor';
import { EditUserForm } from './EditUserForm';
import { ADMIN_TIME_ZONE } from '../../../paths/admin';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import type { UnitNode } from '../../../components/unitTree';

export interface UserRowProps {
  user: User;
  /** The signed-in admin's id: their own row offers no way to lock themselves out. */
  selfId: number;
  tree: readonly UnitNode[];
  unitPaths: ReadonlyMap<number, string>;
  /** After any change to the user: the list is asked for again. */
  onChanged: () => void;
  /** A line for the page's status region ("changes saved", "account disabled"). */
  onAnnounce: (message: string) => void;
}

export const USER_COLUMNS = 6;

type Dialog = 'password' | 'toggle' | null;

/** One account: who, role, units, status; editing, a new password, disabling and enabling. */
export function UserRow({ user, selfId, tree, unitPaths, onChanged, onAnnounce }: UserRowProps) {
  const t = useT();
  const lang = useLang();
  const [dialog, setDialog] = useState<Dialog>(null);
  const passwordButton = useRef<HTMLButtonElement>(null);
  const toggleButton = useRef<HTMLButtonElement>(null);
  const isSelf = user.id === selfId;
  const name = user.displayName || user.username;
  const toggle = user.disabled ? 'enable' : 'disable';

  const editor = useRowEditor(() => {
    onAnnounce(t('admin.users.edit.saved', { name }));
    onChanged();
  });

  function closeDialog(done: boolean) {
    const opener = dialog === 'password' ? passwordButton : toggleButton;
    if (done) onAnnounce(t(dialog === 'password' ? 'admin.users.password.done' : `admin.users.${toggle}.done`, { name }));
    setDialog(null);
    opener.current?.focus();
    if (done && dialog === 'toggle') onChanged();
  }

  return (
    <>
      <tr className={user.disabled ? 'admin-row is-disabled' : 'admin-row'} data-user-id={user.id}>
        <th scope="row">
          <span className="screen-name">{user.displayName}</span>
          <span className="screen-sub admin-mono">{user.username}</span>
          {isSelf && <span className="screen-sub">{t('admin.users.list.you')}</span>}
        </th>
        <td>{t(`admin.role.${user.role}`)}</td>
        <td>
          {user.unitIds.length === 0 ? (
            <span className="screen-muted">{t('admin.users.list.noUnits')}</span>
          ) : (
            <ul className="admin-plain-list">
              {user.unitIds.map((unitId) => (
                <li key={unitId}>{unitPaths.get(unitId) ?? t('admin.units.unknown', { id: unitId })}</li>
              ))}
            </ul>
          )}
        </td>
        <td>
          <span className={user.disabled ? 'badge account-disabled' : 'badge account-active'}>
            {t(user.disabled ? 'admin.users.status.disabled' : 'admin.users.status.active')}
          </span>
        </td>
        <td>
          <time dateTime={user.createdAt}>{formatDateTime(user.createdAt, ADMIN_TIME_ZONE, lang)}</time>
        </td>
        <td>
          <div className="screen-actions">
            <button type="button" {...editor.toggleProps} className="button button-small" aria-label={t('admin.users.edit.openLabel', { name })}>
              {t('admin.users.edit.open')}
            </button>
            <button
              type="button"
              ref={passwordButton}
              className="button button-small"
              onClick={() => setDialog('password')}
              aria-label={t('admin.users.password.openLabel', { name })}
            >
              {t('admin.users.password.open')}
            </button>
            {!isSelf && (
              <button
                type="button"
                ref={toggleButton}
                className={user.disabled ? 'button button-small' : 'button button-small button-danger-quiet'}
                onClick={() => setDialog('toggle')}
                aria-label={t(`admin.users.${toggle}.openLabel`, { name })}
              >
                {t(`admin.users.${toggle}.open`)}
              </button>
            )}
          </div>
          {dialog === 'password' && <ResetPasswordDialog user={user} onCancel={() => closeDialog(false)} onDone={() => closeDialog(true)} />}
          {dialog === 'toggle' && (
            <ConfirmDialog
              messages={`admin.users.${toggle}`}
              params={{ name }}
              danger={!user.disabled}
              onConfirm={async () => {
                await updateUser(user.id, { disabled: !user.disabled });
              }}
              onCancel={() => closeDialog(false)}
              onDone={() => closeDialog(true)}
            />
          )}
        </td>
      </tr>
      {editor.editing && (
        <EditorRow id={editor.rowId} columns={USER_COLUMNS}>
          <EditUserForm user={user} tree={tree} isSelf={isSelf} onDone={editor.close} onCancel={() => editor.close(false)} />
        </EditorRow>
      )}
    </>
  );
}
