import type { ComponentType, ReactNode } from 'react';
import type { SessionUser } from '../../shared/api/session';
import { useT, type MessageKey } from '../i18n';
import { AppNav } from '../components/AppNav';
import { PageMessage, SessionGate } from '../components/SessionGate';
import { usePageTitle } from '../components/usePageTitle';
import { AppLink } from '../components/AppLink';

interface Props {
  /** The page's own path: where the login page sends the admin back to. */
  path: string;
  title: MessageKey;
  intro: MessageKey;
  /** What a signed-in user who is not an admin is told; by default the admin pages' own words. */
  notAllowed?: MessageKey;
  children: (user: SessionUser) => ReactNode;
}

/**
 * "Not allowed", with the way back to the board: for a session that is not an admin's, and for a
 * page whose requests are refused (403) because the role changed while it was open.
 */
export function NotAllowed({ message = 'admin.notAllowed' }: { message?: MessageKey | undefined }) {
  const t = useT();
  return (
    <>
      <p className="notice notice-error" role="alert">
        {t(message)}
      </p>
      <AppLink to="/" className="button button-quiet">
        {t('common.backToBoard')}
      </AppLink>
    </>
  );
}

/**
 * The frame of an admin page: only an admin's session gets past it (no session → the login
 * page, which returns here; another role → "not allowed"). Then the navigation bar of every
 * signed-in page (AppNav, which lists the admin pages for an admin), the page's title and the page.
 */
export function PageFrame({ path, title, intro, notAllowed, children }: Props) {
  const t = useT();
  usePageTitle(t(title));
  return (
    <SessionGate checking="admin.checking" failed="admin.sessionFailed">
      {(user) =>
        user.role !== 'admin' ? (
          <PageMessage>
            <NotAllowed message={notAllowed} />
          </PageMessage>
        ) : (
          <>
            <a className="ws-skip" href="#main">
              {t('nav.skip')}
            </a>
            <AppNav user={user} />
            <div className="screens-page admin-page">
              <header className="screens-header">
                <div>
                  <h1>{t(title)}</h1>
                  <p className="screens-intro">{t(intro)}</p>
                </div>
              </header>
              <main className="screens-main" id="main">
                {children(user)}
              </main>
            </div>
          </>
        )
      }
    </SessionGate>
  );
}

/** An admin page as the router loads it: `Page` inside the frame, given the admin's session. */
export function adminPage(frame: Omit<Props, 'children'>, Page: ComponentType<{ user: SessionUser }>) {
  return function AdminPage() {
    return <PageFrame {...frame}>{(user) => <Page user={user} />}</PageFrame>;
  };
}
