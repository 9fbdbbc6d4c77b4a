import { useEffect, type ReactNode } from 'react';
import type { SessionUser } from '../../../shared/api/session';
import { useT } from '../../i18n';
import '../../styles/workspace.css';
import { AppNav } from '../AppNav';
import { useSessionUser } from './useSessionUser';

interface Props {
  /** The page's path, to come back to after logging in. */
  path: string;
  /** The page's title, for the browser tab. */
  title: string;
  children: (user: SessionUser) => ReactNode;
}

/** A page for signed-in users: checks the session, then shows the navigation bar and the page. */
export function SignedInFrame({ path, title, children }: Props) {
  const t = useT();
  const { state, retry } = useSessionUser(path);

  useEffect(() => {
    const previous = document.title;
    document.title = `${title} · ${t('app.title')}`;
    return () => {
      document.title = previous;
    };
  }, [title, t]);

  switch (state.kind) {
    case 'checking':
      return (
        <main className="page-message" aria-busy="true">
          <p className="notice">{t('workspace.session.checking')}</p>
        </main>
      );
    case 'failed':
      return (
        <main className="page-message">
          <div className="notice notice-error" role="alert">
            <p>{t('workspace.session.failed')}</p>
            <p>{t(`errors.${state.error.code}`)}</p>
          </div>
          <button type="button" className="button" onClick={retry}>
            {t('common.retry')}
          </button>
        </main>
      );
    case 'ready':
      return (
        <div className="ws-page">
          <a className="ws-skip" href="#main">
            {t('workspace.nav.skip')}
          </a>
          <AppNav user={state.user} />
          <main className="ws-main" id="main" tabIndex={-1}>
            {children(state.user)}
          </main>
        </div>
      );
  }
}
