import { lazy, Suspense, type ComponentType } from 'react';
import { DISPLAY_PATH } from '../shared/api/displays';
import { LangContext, useT, type Lang } from './i18n';
import { BoardPage } from './pages/BoardPage';
import { LoginPage } from './pages/LoginPage';
import { SCREENS_PATH, ScreensPage } from './pages/ScreensPage';
import { hrefTo, navigate, usePathname } from './router';

// The meeting-room screen carries Recharts and its own fonts: fetched only where it is shown.
const DisplayPage = lazy(() => import('./pages/DisplayPage').then((module) => ({ default: module.DisplayPage })));

/** One page per path. The display page and the workspace get their own entries here. */
const ROUTES: Record<string, ComponentType> = {
  '/': BoardPage,
  // The display link of a screen (POST /api/displays): the meeting-room screen.
  [DISPLAY_PATH]: DisplayPage,
  '/login': LoginPage,
  [SCREENS_PATH]: ScreensPage,
};

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
  const Page = ROUTES[path] ?? NotFoundPage;
  return (
    <LangContext.Provider value={lang}>
      <Suspense fallback={null}>
        <Page />
      </Suspense>
    </LangContext.Provider>
  );
}
