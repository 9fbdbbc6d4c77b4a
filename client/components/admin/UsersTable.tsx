import type { User } from '../../../shared/api/users';
import { useT } from '../../i18n';
import { UserRow, type UserRowProps } from './UserRow';

type Props = Omit<UserRowProps, 'user'> & { users: readonly User[]; captionId: string };

/** Active accounts first, each part by user name; disabled ones stay listed below. */
function activeFirst(users: readonly User[]): User[] {
  return [...users].sort((a, b) => Number(a.disabled) - Number(b.disabled) || a.username.localeCompare(b.username));
}

export function UsersTable({ users, captionId, ...rowProps }: Props) {
  const t = useT();
  return (
    <div className="table-scroll">
      <table className="screens-table admin-table" aria-labelledby={captionId}>
        <thead>
          <tr>
            <th scope="col">{t('admin.users.list.user')}</th>
            <th scope="col">{t('admin.users.list.role')}</th>
            <th scope="col">{t('admin.users.list.units')}</th>
            <th scope="col">{t('admin.users.list.status')}</th>
            <th scope="col">{t('admin.users.list.createdAt')}</th>
            <th scope="col">{t('admin.users.list.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {activeFirst(users).map((user) => (
            <UserRow key={user.id} user={user} {...rowProps} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
