import { createRootRoute, createRoute, createRouter, lazyRouteComponent, Outlet } from '@tanstack/react-router';
import { useT } from '../i18n';
import { AppLink } from '../components/workspace/AppLink';

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

const routeTree = rootRoute.addChildren([
  page('/', lazyRouteComponent(() => import('../pages/BoardPage'), 'BoardPage')),
  page('/login', lazyRouteComponent(() => import('../pages/LoginPage'), 'LoginPage')),
  page('/display', lazyRouteComponent(() => import('../pages/DisplayPage'), 'DisplayPage')),
  page('/workspace', lazyRouteComponent(() => import('../pages/WorkspacePage'), 'WorkspacePage')),
  page('/workspace/import', lazyRouteComponent(() => import('../pages/ImportPage'), 'ImportPage')),
  page('/workspace/indicators/$indicatorId', lazyRouteComponent(() => import('../pages/IndicatorHistoryPage'), 'IndicatorHistoryPage')),
  page('/account', lazyRouteComponent(() => import('../pages/AccountPage'), 'AccountPage')),
  page('/reports', lazyRouteComponent(() => import('../pages/ReportsPage'), 'ReportsPage')),
  page('/admin/screens', lazyRouteComponent(() => import('../pages/ScreensPage'), 'ScreensPage')),
  page('/admin/users', lazyRouteComponent(() => import('../pages/UsersPage'), 'UsersPage')),
  page('/admin/tokens', lazyRouteComponent(() => import('../pages/TokensPage'), 'TokensPage')),
  page('/admin/audit', lazyRouteComponent(() => import('../pages/AuditPage'), 'AuditPage')),
  page('/admin/notifications', lazyRouteComponent(() => import('../pages/NotificationsPage'), 'NotificationsPage')),
  page('/admin/plan', lazyRouteComponent(() => import('../pages/PlanPage'), 'PlanPage')),
  page('/admin/units', lazyRouteComponent(() => import('../pages/UnitsPage'), 'UnitsPage')),
  page('/admin/settings', lazyRouteComponent(() => import('../pages/SettingsPage'), 'SettingsPage')),
]);

export const router = createRouter({ routeTree, trailingSlash: 'never', defaultPendingMinMs: 0 });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
