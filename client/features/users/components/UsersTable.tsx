import type { User } from '../../../../shared/api/users';
import type { MessageKey } from '../../../i18n';
import { DataTable } from '../../../ui/DataTable';
import { UserRow, type UserRowProps } from './UserRow';

type Props = Omit<UserRowProps, 'user'> & { users: readonly User[]; captionId: string };

/** Active accounts first, each part by user name; disabled ones stay listed below. */
function activeFirst(users: readonly User[]): User[] {
  return [...users].sort((a, b) => Number(a.disabled) - Number(b.disabled) || a.username.localeCompare(b.username));
}

const COLUMNS: readonly MessageKey[] = [
  'admin.users.list.user',
  'admin.users.list.role',
  'admin.users.list.units',
  'admin.users.list.status',
  'admin.users.list.createdAt',
  'admin.users.list.actions',
];

export function UsersTable({ users, captionId, ...rowProps }: Props) {
  return (
    <DataTable captionId={captionId} className="screens-table admin-table" columns={COLUMNS}>
      {activeFirst(users).map((user) => (
        <UserRow key={user.id} user={user} {...rowProps} />
      ))}
    </DataTable>
  );
}
