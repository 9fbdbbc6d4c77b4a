import { useCallback, useMemo } from 'react';
import type { SessionUser } from '../../../../shared/api/session';
import type { User } from '../../../../shared/api/users';
import { useQuery } from '@tanstack/react-query';
import { queries, useInvalidate } from '../../../api/queries';
import { adminPage } from '../../../ui/PageFrame';
import { CreateUserForm } from '../components/CreateUserForm';
import { ListPanel, useListAnnouncer } from '../../../ui/ListPanel';
import { LoadError } from '../../../ui/Notice';
import { USERS_PATH } from '../../../paths/admin';
import { unitPaths, unitTree } from '../../../components/unitTree';
import { UsersTable } from '../components/UsersTable';
import { useT } from '../../../i18n';
import '../../../styles/admin.css';

/** The accounts of the office, for an admin: list, create, edit, reset a password, disable. */
function UsersManager({ user: self }: { user: SessionUser }) {
  const t = useT();
  const users = useQuery(queries.users);
  const units = useQuery(queries.units);

  const tree = useMemo(() => unitTree(units.data ?? []), [units.data]);
  const paths = useMemo(() => unitPaths(tree), [tree]);
  const reloadUsers = useInvalidate(queries.users.queryKey);
  const list = useListAnnouncer(reloadUsers);

  const { changed } = list;
  const onCreated = useCallback((created: User) => changed(t('admin.users.create.done', { name: created.displayName || created.username })), [changed, t]);

  return (
    <>
      <section className="panel" aria-labelledby="users-create-heading">
        <h2 id="users-create-heading">{t('admin.users.create.heading')}</h2>
        {units.error && <LoadError error={units.error} message="admin.units.loadFailed" />}
        <CreateUserForm tree={tree} onCreated={onCreated} />
      </section>

      <ListPanel
        heading="admin.users.list.heading"
        {...list.panel}
        onRefresh={reloadUsers}
        error={users.error}
        loadFailed="admin.users.loadFailed"
        items={users.data}
        empty="admin.users.list.empty"
      >
        {(usersList) => (
          <UsersTable
            users={usersList}
            captionId={list.panel.headingId}
            selfId={self.id}
            tree={tree}
            unitPaths={paths}
            onChanged={reloadUsers}
            onAnnounce={list.setAnnouncement}
          />
        )}
      </ListPanel>
    </>
  );
}

/** `/admin/users`: admins only. */
export const UsersPage = adminPage({ path: USERS_PATH, title: 'admin.users.title', intro: 'admin.users.intro' }, UsersManager);
