import { createRootRoute, createRoute, createRouter, lazyRouteComponent, Outlet } from '@tanstack/react-router';
import { useT } from '../i18n';
import { AppLink } from '../components/AppLink';
import { loadPageStrings } from '../i18n/appStrings';

/**
 * The signed-in app's pages, one typed route each, each page its own chunk fetched when first
 * opened (`npm run bench:app` lists them). `/display` is served by its own entry
 * (client/displayMain.tsx); the route here only catches an in-app move to it.
 */

function NotFoundPage() {
  const t = useT();
  return (
    <main className="page-message">
      <p className="notice">{t('common.notFound')}</p>
      <AppLink className="button" to="/">
        {t('common.backToBoard')}
      </AppLink>
    </main>
  );
}

const rootRoute = createRootRoute({ component: Outlet, notFoundComponent: NotFoundPage });

const page = <Path extends string>(path: Path, component: ReturnType<typeof lazyRouteComponent>) =>
  createRoute({ getParentRoute: () => rootRoute, path, component });

/** A page's chunk together with the pages' strings (the board and the login page need only the first route's). */
const withStrings =
  <T,>(load: () => Promise<T>) =>
  () =>
    Promise.all([load(), loadPageStrings()]).then(([module]) => module);

const routeTree = rootRoute.addChildren([
  page('/', lazyRouteComponent(() => import('../features/board/routes/BoardPage'), 'BoardPage')),
  page('/login', lazyRouteComponent(() => import('../features/login/routes/LoginPage'), 'LoginPage')),
  page('/display', lazyRouteComponent(() => import('../pages/DisplayPage'), 'DisplayPage')),
  page('/workspace', lazyRouteComponent(withStrings(() => import('../features/workspace/routes/WorkspacePage')), 'WorkspacePage')),
  page('/workspace/import', lazyRouteComponent(withStrings(() => import('../features/import/routes/ImportPage')), 'ImportPage')),
  page('/workspace/indicators/$indicatorId', lazyRouteComponent(withStrings(() => import('../features/workspace/routes/IndicatorHistoryPage')), 'IndicatorHistoryPage')),
  page('/account', lazyRouteComponent(withStrings(() => import('../features/account/routes/AccountPage')), 'AccountPage')),
  page('/reports', lazyRouteComponent(withStrings(() => import('../features/reports/routes/ReportsPage')), 'ReportsPage')),
  page('/admin/screens', lazyRouteComponent(withStrings(() => import('../features/screens/routes/ScreensPage')), 'ScreensPage')),
  page('/admin/users', lazyRouteComponent(withStrings(() => import('../features/users/routes/UsersPage')), 'UsersPage')),
  page('/admin/tokens', lazyRouteComponent(withStrings(() => import('../features/tokens/routes/TokensPage')), 'TokensPage')),
  page('/admin/audit', lazyRouteComponent(withStrings(() => import('../features/audit/routes/AuditPage')), 'AuditPage')),
  page('/admin/notifications', lazyRouteComponent(withStrings(() => import('../features/notifications/routes/NotificationsPage')), 'NotificationsPage')),
  page('/admin/plan', lazyRouteComponent(withStrings(() => import('../features/plan/routes/PlanPage')), 'PlanPage')),
  page('/admin/units', lazyRouteComponent(withStrings(() => import('../features/units/routes/UnitsPage')), 'UnitsPage')),
  page('/admin/settings', lazyRouteComponent(withStrings(() => import('../features/settings/routes/SettingsPage')), 'SettingsPage')),
]);

export const router = createRouter({ routeTree, trailingSlash: 'never', defaultPendingMinMs: 0 });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
