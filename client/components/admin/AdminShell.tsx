import { useEffect, useState, type ReactNode } from 'react';
import type { SessionUser } from '../../../shared/api/session';
import { asApiError, getSession, type ApiError } from '../../api';
import { useT, type MessageKey } from '../../i18n';
import { goToLogin } from '../../pages/LoginPage';
import { AppNav } from '../AppNav';
import { AppLink } from '../workspace/AppLink';

type Access = { kind: 'checking' } | { kind: 'admin'; user: SessionUser } | { kind: 'forbidden' } | { kind: 'failed'; error: ApiError };

interface Props {
  /** The page's own path: where the login page sends the admin back to. */
  path: string;
  title: MessageKey;
  intro: MessageKey;
  children: (user: SessionUser) => ReactNode;
}

function BackToBoard() {
  const t = useT();
  return (
    <AppLink to="/" className="button button-quiet">
      {t('common.backToBoard')}
    </AppLink>
  );
}

function PageMessage({ children, busy = false }: { children: ReactNode; busy?: boolean }) {
  return (
    <main className="page-message" aria-busy={busy || undefined}>
      {children}
    </main>
  );
}

/**
 * The frame of an admin page: only an admin's session gets past it (no session → the login
 * page, which returns here; another role → "not allowed"). Then the navigation bar of every
 * signed-in page (AppNav, which lists the admin pages for an admin), the page's title and the page.
 */
export function AdminShell({ path, title, intro, children }: Props) {
  const t = useT();
  const [access, setAccess] = useState<Access>({ kind: 'checking' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setAccess({ kind: 'checking' });
    getSession(controller.signal).then(
      (user) => {
        if (user === null) goToLogin(path);
        else setAccess(user.role === 'admin' ? { kind: 'admin', user } : { kind: 'forbidden' });
      },
      (caught: unknown) => {
        if (!controller.signal.aborted) setAccess({ kind: 'failed', error: asApiError(caught) });
      },
    );
    return () => controller.abort();
  }, [attempt, path]);

  switch (access.kind) {
    case 'checking':
      return (
        <PageMessage busy>
          <p className="notice">{t('admin.checking')}</p>
        </PageMessage>
      );
    case 'forbidden':
      return (
        <PageMessage>
          <p className="notice notice-error" role="alert">
            {t('admin.notAllowed')}
          </p>
          <BackToBoard />
        </PageMessage>
      );
    case 'failed':
      return (
        <PageMessage>
          <div className="notice notice-error" role="alert">
            <p>{t('admin.sessionFailed')}</p>
            <p>{t(`errors.${access.error.code}`)}</p>
          </div>
          <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
            {t('common.retry')}
          </button>
        </PageMessage>
      );
    case 'admin':
      return (
        <>
          <a className="ws-skip" href="#main">
            {t('workspace.nav.skip')}
          </a>
          <AppNav user={access.user} />
          <div className="screens-page admin-page">
            <header className="screens-header">
              <div>
                <h1>{t(title)}</h1>
                <p className="screens-intro">{t(intro)}</p>
              </div>
            </header>
            <main className="screens-main" id="main">
              {children(access.user)}
            </main>
          </div>
        </>
      );
  }
}
