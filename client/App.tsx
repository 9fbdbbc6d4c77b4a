import { lazy, Suspense, type ComponentType } from 'react';
import { DISPLAY_PATH } from '../shared/display/screen';
import { AUDIT_PATH, NOTIFICATIONS_PATH, TOKENS_PATH, USERS_PATH } from './components/admin/paths';
import { ACCOUNT_PATH, IMPORT_PATH, INDICATOR_HISTORY_PATTERN, WORKSPACE_PATH } from './components/workspace/paths';
import { REPORTS_PATH } from './components/reports/paths';
import { PLAN_PATH } from './components/plan/paths';
import { SETTINGS_PATH } from './components/settings/paths';
import { UNITS_ADMIN_PATH } from './components/units/paths';
import { LangContext, useT, type Lang } from './i18n';
import { BoardPage } from './pages/BoardPage';
import { LoginPage } from './pages/LoginPage';
import { SCREENS_PATH, ScreensPage } from './pages/ScreensPage';
import { hrefTo, navigate, usePathname } from './router';

// The meeting-room screen carries Recharts and its own fonts: fetched only where it is shown.
const DisplayPage = lazy(() => import('./pages/DisplayPage').then((module) => ({ default: module.DisplayPage })));
// The admin pages are for a few people now and then: kept out of the bundle every screen loads.
const UsersPage = lazy(() => import('./pages/UsersPage').then((module) => ({ default: module.UsersPage })));
const TokensPage = lazy(() => import('./pages/TokensPage').then((module) => ({ default: module.TokensPage })));
const AuditPage = lazy(() => import('./pages/AuditPage').then((module) => ({ default: module.AuditPage })));
const NotificationsPage = lazy(() => import('./pages/NotificationsPage').then((module) => ({ default: module.NotificationsPage })));
const PlanPage = lazy(() => import('./pages/PlanPage').then((module) => ({ default: module.PlanPage })));
const UnitsPage = lazy(() => import('./pages/UnitsPage').then((module) => ({ default: module.UnitsPage })));
const SettingsPage = lazy(() => import('./pages/SettingsPage').then((module) => ({ default: module.SettingsPage })));
// The workspace is for the few who enter readings; its history page carries Recharts too.
const WorkspacePage = lazy(() => import('./pages/WorkspacePage').then((module) => ({ default: module.WorkspacePage })));
const IndicatorHistoryPage = lazy(() =>
  import('./pages/IndicatorHistoryPage').then((module) => ({ default: module.IndicatorHistoryPage })),
);
const ImportPage = lazy(() => import('./pages/ImportPage').then((module) => ({ default: module.ImportPage })));
const AccountPage = lazy(() => import('./pages/AccountPage').then((module) => ({ default: module.AccountPage })));
// The weekly export archive: looked at now and then, by anyone signed in.
const ReportsPage = lazy(() => import('./pages/ReportsPage').then((module) => ({ default: module.ReportsPage })));

/** One page per path. The display page and the workspace get their own entries here. */
const ROUTES: Record<string, ComponentType> = {
  '/': BoardPage,
  // The display link of a screen (POST /api/displays): the meeting-room screen.
  [DISPLAY_PATH]: DisplayPage,
  '/login': LoginPage,
  [SCREENS_PATH]: ScreensPage,
  [USERS_PATH]: UsersPage,
  [TOKENS_PATH]: TokensPage,
  [AUDIT_PATH]: AuditPage,
  [NOTIFICATIONS_PATH]: NotificationsPage,
  [PLAN_PATH]: PlanPage,
  [UNITS_ADMIN_PATH]: UnitsPage,
  [SETTINGS_PATH]: SettingsPage,
  [WORKSPACE_PATH]: WorkspacePage,
  [IMPORT_PATH]: ImportPage,
  [ACCOUNT_PATH]: AccountPage,
  [REPORTS_PATH]: ReportsPage,
};

/** Pages whose path carries an id (`/workspace/indicators/19`): the page reads it from the path. */
const PATTERN_ROUTES: ReadonlyArray<readonly [RegExp, ComponentType]> = [[INDICATOR_HISTORY_PATTERN, IndicatorHistoryPage]];

function pageOf(path: string): ComponentType {
  return ROUTES[path] ?? PATTERN_ROUTES.find(([pattern]) => pattern.test(path))?.[1] ?? NotFoundPage;
}

function NotFoundPage() {
  const t = useT();
  return (
    <main className="page-message">
      <p className="notice">{t('common.notFound')}</p>
      <a
        className="button"
        href={hrefTo('/')}
        onClick={(event) => {
          event.preventDefault();
          navigate('/');
        }}
      >
        {t('common.backToBoard')}
      </a>
    </main>
  );
}

export function App({ lang }: { lang: Lang }) {
  const path = usePathname();
  const Page = pageOf(path);
  return (
    <LangContext.Provider value={lang}>
      <Suspense fallback={null}>
        <Page />
      </Suspense>
    </LangContext.Provider>
  );
}
