import type { SessionUser } from '../../shared/api/session';
import { userMayWrite } from '../../shared/api/permissions';
import { useT, type MessageKey } from '../i18n';
import { usePathname } from '../navigation';
import '../styles/workspace.css';
import { LogoutButton } from './LogoutButton';
import { REPORTS_PATH } from '../paths/reports';
import { AppLink } from './AppLink';
import { LangSwitch } from './LangSwitch';
import { ACCOUNT_PATH, IMPORT_PATH, WORKSPACE_PATH } from '../paths/workspace';

interface NavItem {
  path: string;
  label: MessageKey;
}

const BOARD_ITEM: NavItem = { path: '/', label: 'nav.board' };
const REPORTS_ITEM: NavItem = { path: REPORTS_PATH, label: 'nav.reports' };
const WRITER_ITEMS: NavItem[] = [
  { path: WORKSPACE_PATH, label: 'nav.workspace' },
  { path: IMPORT_PATH, label: 'nav.import' },
];
// The admin pages belong to their own modules; the paths are repeated here rather than imported,
// so that those pages can show this bar without an import cycle.
const ADMIN_ITEMS: NavItem[] = [
  { path: '/admin/screens', label: 'nav.screens' },
  { path: '/admin/users', label: 'nav.users' },
  { path: '/admin/tokens', label: 'nav.tokens' },
  { path: '/admin/audit', label: 'nav.audit' },
  { path: '/admin/notifications', label: 'nav.notifications' },
  { path: '/admin/plan', label: 'nav.plan' },
  { path: '/admin/units', label: 'nav.units' },
  { path: '/admin/settings', label: 'nav.settings' },
];

/**
 * The item the page belongs to: its own path, or the longest one it lies under
 * (`/workspace/indicators/19` under `/workspace`, not under `/workspace/import`).
 */
function currentItem(items: readonly NavItem[], path: string): NavItem | undefined {
  const exact = items.find((item) => item.path === path);
  if (exact) return exact;
  return items
    .filter((item) => item.path !== '/' && path.startsWith(`${item.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

/**
 * Whether the user records readings anywhere: admins, and editors with a unit. The server decides
 * per indicator (`userMayWrite`); here only whether the workspace links are worth showing.
 */
function mayWriteAnything(user: SessionUser): boolean {
  return user.role === 'admin' || user.unitIds.some((ownerUnitId) => userMayWrite(user, { ownerUnitId }));
}

/** The bar at the top of every signed-in page: where to go, who is signed in, and signing out. */
export function AppNav({ user }: { user: SessionUser }) {
  const t = useT();
  const path = usePathname();
  const main = [BOARD_ITEM, REPORTS_ITEM, ...(mayWriteAnything(user) ? WRITER_ITEMS : [])];
  const admin = user.role === 'admin' ? ADMIN_ITEMS : [];
  const current = currentItem([...main, ...admin, { path: ACCOUNT_PATH, label: 'nav.account' }], path);

  const link = (item: NavItem) => (
    <li key={item.path}>
      <AppLink
        to={item.path}
        className="app-nav-link"
        aria-current={item === current ? (item.path === path ? 'page' : 'true') : undefined}
      >
        {t(item.label)}
      </AppLink>
    </li>
  );

  return (
    <header className="app-nav">
      <nav className="app-nav-main" aria-label={t('nav.label')}>
        <ul className="app-nav-list">{main.map(link)}</ul>
        {admin.length > 0 && (
          <ul className="app-nav-list app-nav-admin" aria-label={t('nav.adminLabel')}>
            {admin.map(link)}
          </ul>
        )}
      </nav>
      <div className="app-nav-user">
        <span className="app-nav-name">{t('nav.signedInAs', { name: user.displayName || user.username })}</span>
        <AppLink
          to={ACCOUNT_PATH}
          className="app-nav-link"
          aria-current={current?.path === ACCOUNT_PATH ? 'page' : undefined}
        >
          {t('nav.account')}
        </AppLink>
        <LogoutButton className="button button-quiet" />
        <LangSwitch />
      </div>
    </header>
  );
}
