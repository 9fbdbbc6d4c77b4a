import type { ReactNode } from 'react';
import type { SessionUser } from '../../shared/api/session';
import { useT, type MessageKey } from '../i18n';
import { useSessionUser } from './useSessionUser';

/** A page that is only a message (checking, failed, not allowed): the message is the page's main. */
export function PageMessage({ children, busy = false }: { children: ReactNode; busy?: boolean }) {
  return (
    <main className="page-message" aria-busy={busy || undefined}>
      {children}
    </main>
  );
}

interface Props {
  /** What is said while the session is checked, and when the check failed. */
  checking: MessageKey;
  failed: MessageKey;
  children: (user: SessionUser) => ReactNode;
}

/**
 * The session check of a signed-in page: without a session the browser goes to the login page
 * (which comes back here); while checking, and when the check failed (with a retry), a
 * message; then the page, for the signed-in user.
 */
export function SessionGate({ checking, failed, children }: Props) {
  const t = useT();
  const { state, retry } = useSessionUser();

  switch (state.kind) {
    case 'checking':
      return (
        <PageMessage busy>
          <p className="notice">{t(checking)}</p>
        </PageMessage>
      );
    case 'failed':
      return (
        <PageMessage>
          <div className="notice notice-error" role="alert">
            <p>{t(failed)}</p>
            <p>{t(`errors.${state.error.code}`)}</p>
          </div>
          <button type="button" className="button" onClick={retry}>
            {t('common.retry')}
          </button>
        </PageMessage>
      );
    case 'ready':
      return children(state.user);
  }
}
