import { createRootRoute, createRoute, createRouter, lazyRouteComponent, Outlet } from '@tanstack/react-router';
import { useT } from '../i18n';
import { AppLink } from '../components/AppLink';

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
  page('/', lazyRouteComponent(() => import('../features/board/routes/BoardPage'), 'BoardPage')),
  page('/login', lazyRouteComponent(() => import('../features/login/routes/LoginPage'), 'LoginPage')),
  page('/display', lazyRouteComponent(() => import('../pages/DisplayPage'), 'DisplayPage')),
  page('/workspace', lazyRouteComponent(() => import('../features/workspace/routes/WorkspacePage'), 'WorkspacePage')),
  page('/workspace/import', lazyRouteComponent(() => import('../features/import/routes/ImportPage'), 'ImportPage')),
  page('/workspace/indicators/$indicatorId', lazyRouteComponent(() => import('../features/workspace/routes/IndicatorHistoryPage'), 'IndicatorHistoryPage')),
  page('/account', lazyRouteComponent(() => import('../features/account/routes/AccountPage'), 'AccountPage')),
  page('/reports', lazyRouteComponent(() => import('../features/reports/routes/ReportsPage'), 'ReportsPage')),
  page('/admin/screens', lazyRouteComponent(() => import('../features/screens/routes/ScreensPage'), 'ScreensPage')),
  page('/admin/users', lazyRouteComponent(() => import('../features/users/routes/UsersPage'), 'UsersPage')),
  page('/admin/tokens', lazyRouteComponent(() => import('../features/tokens/routes/TokensPage'), 'TokensPage')),
  page('/admin/audit', lazyRouteComponent(() => import('../features/audit/routes/AuditPage'), 'AuditPage')),
  page('/admin/notifications', lazyRouteComponent(() => import('../features/notifications/routes/NotificationsPage'), 'NotificationsPage')),
  page('/admin/plan', lazyRouteComponent(() => import('../features/plan/routes/PlanPage'), 'PlanPage')),
  page('/admin/units', lazyRouteComponent(() => import('../features/units/routes/UnitsPage'), 'UnitsPage')),
  page('/admin/settings', lazyRouteComponent(() => import('../features/settings/routes/SettingsPage'), 'SettingsPage')),
]);

export const router = createRouter({ routeTree, trailingSlash: 'never', defaultPendingMinMs: 0 });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
