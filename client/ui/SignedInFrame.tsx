import type { ComponentType, ReactNode } from 'react';
import type { SessionUser } from '../../shared/api/session';
import { useT, type MessageKey } from '../i18n';
import '../styles/workspace.css';
import { AppNav } from '../components/AppNav';
import { SessionGate } from '../components/SessionGate';
import { usePageTitle } from '../components/usePageTitle';

interface Props {
  /** The page's path, to come back to after logging in. */
  path: string;
  /** The page's title, for the browser tab. */
  title: string;
  children: (user: SessionUser) => ReactNode;
}

/** A page for signed-in users: checks the session (SessionGate), then shows the navigation bar and the page. */
export function SignedInFrame({ path, title, children }: Props) {
  const t = useT();
  usePageTitle(title);

  return (
    <SessionGate checking="session.checking" failed="session.failed">
      {(user) => (
        <div className="ws-page">
          <a className="ws-skip" href="#main">
            {t('nav.skip')}
          </a>
          <AppNav user={user} />
          <main className="ws-main" id="main" tabIndex={-1}>
            {children(user)}
          </main>
        </div>
      )}
    </SessionGate>
  );
}

/** A signed-in page as the router loads it: `Page` inside the frame, given the user's session. */
export function signedInPage(path: string, title: MessageKey, Page: ComponentType<{ user: SessionUser }>) {
  return function SignedInPage() {
    const t = useT();
    return <SignedInFrame path={path} title={t(title)}>{(user) => <Page user={user} />}</SignedInFrame>;
  };
}

/** The head of a signed-in page: its title, what the page is for, then what more it says (a summary, facts). */
export function PageHeader({ title, intro, children }: { title: string; intro?: string; children?: ReactNode }) {
  return (
    <div className="ws-header">
      <h1>{title}</h1>
      {intro && <p className="ws-intro">{intro}</p>}
      {children}
    </div>
  );
}
