import { useEffect, useState, type ReactNode } from 'react';
import type { SessionUser } from '../../../shared/api/session';
import { asApiError, getSession, type ApiError } from '../../api';
import { useT, type MessageKey } from '../../i18n';
import { goToLogin } from '../../pages/LoginPage';
import { AdminNav, BackToBoard } from './AdminNav';

type Access = { kind: 'checking' } | { kind: 'admin'; user: SessionUser } | { kind: 'forbidden' } | { kind: 'failed'; error: ApiError };

interface Props {
  /** The page's own path: where the login page sends the admin back to. */
  path: string;
  title: MessageKey;
  intro: MessageKey;
  children: (user: SessionUser) => ReactNode;
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
 * page, which returns here; another role → "not allowed"). Then the page's title, the admin
 * pages' navigation, and the page itself.
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
        <div className="screens-page admin-page">
          <header className="screens-header">
            <div>
              <h1>{t(title)}</h1>
              <p className="screens-intro">{t(intro)}</p>
            </div>
            <div className="screens-header-meta">
              <p className="screen-muted">{t('admin.signedInAs', { name: access.user.displayName || access.user.username })}</p>
              <BackToBoard />
            </div>
          </header>
          <AdminNav current={path} />
          <main className="screens-main">{children(access.user)}</main>
        </div>
      );
  }
}
