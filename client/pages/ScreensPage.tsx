import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Board } from '../../shared/api/board';
import type { CreatedDisplay, Display } from '../../shared/api/displays';
import type { SessionUser } from '../../shared/api/session';
import { asApiError, getBoard, getSession, type ApiError } from '../api';
import { AppNav } from '../components/AppNav';
import { CreatedScreenNotice } from '../components/screens/CreatedScreenNotice';
import { CreateScreenForm } from '../components/screens/CreateScreenForm';
import type { PageOption } from '../components/screens/ScreenCommands';
import { ScreensTable } from '../components/screens/ScreensTable';
import { useDisplays } from '../components/screens/useDisplays';
import { localeOf } from '../format';
import { useLang, useT, type Lang } from '../i18n';
import { hrefTo, navigate } from '../router';
import { goToLogin } from './LoginPage';

export const SCREENS_PATH = '/admin/screens';

/** The office's zone when the board (which names it) could not be read. */
const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

type Access = { kind: 'checking' } | { kind: 'admin'; user: SessionUser } | { kind: 'forbidden' } | { kind: 'failed'; error: ApiError };

function clockTime(epochMs: number, timeZone: string, lang: Lang): string {
  return new Intl.DateTimeFormat(localeOf(lang), { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(epochMs);
}

/** Pages a screen can be sent to: the summary, then each group in display order. */
function pageOptions(board: Board | null, summaryLabel: string): PageOption[] {
  const groups = board ? [...board.groups].sort((a, b) => a.displayOrder - b.displayOrder || a.id - b.id) : [];
  return [{ key: 'summary', label: summaryLabel }, ...groups.map((group) => ({ key: `group-${group.id}`, label: group.name }))];
}

function BackToBoard() {
  const t = useT();
  return (
    <a
      className="button button-quiet"
      href={hrefTo('/')}
      onClick={(event) => {
        event.preventDefault();
        navigate('/');
      }}
    >
      {t('common.backToBoard')}
    </a>
  );
}

function PageMessage({ children, busy = false }: { children: ReactNode; busy?: boolean }) {
  return (
    <main className="page-message" aria-busy={busy || undefined}>
      {children}
    </main>
  );
}

/** The screens of the office, for an admin: list, create, edit, command, revoke. */
function ScreensManager() {
  const t = useT();
  const lang = useLang();
  const listHeadingId = useId();
  const listHeading = useRef<HTMLHeadingElement>(null);
  const { state, refresh } = useDisplays();
  const [board, setBoard] = useState<Board | null>(null);
  const [created, setCreated] = useState<CreatedDisplay | null>(null);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const controller = new AbortController();
    // Only for the group names and the time zone: without it, the summary page is still offered.
    getBoard({ signal: controller.signal }).then(setBoard, () => {});
    return () => controller.abort();
  }, []);

  // The session ended or the role changed while the page was open.
  const status = state.error?.status;
  useEffect(() => {
    if (status === 401) goToLogin(SCREENS_PATH);
  }, [status]);

  const pages = useMemo(() => pageOptions(board, t('screens.command.summary')), [board, t]);
  const timeZone = board?.timeZone ?? DEFAULT_TIME_ZONE;

  const onCreated = useCallback(
    (display: CreatedDisplay) => {
      setCreated(display);
      refresh();
    },
    [refresh],
  );

  const onRevoked = useCallback(
    (display: Display) => {
      setAnnouncement(t('screens.revoke.done', { name: display.name }));
      listHeading.current?.focus();
      refresh();
    },
    [refresh, t],
  );

  if (status === 403) {
    return (
      <PageMessage>
        <p className="notice notice-error" role="alert">
          {t('screens.notAllowed')}
        </p>
        <BackToBoard />
      </PageMessage>
    );
  }

  return (
    <div className="screens-page">
      <header className="screens-header">
        <div>
          <h1>{t('screens.title')}</h1>
          <p className="screens-intro">{t('screens.intro')}</p>
        </div>
      </header>

      <main className="screens-main" id="main">
        <section className="panel" aria-labelledby="screens-create-heading">
          <h2 id="screens-create-heading">{t('screens.create.heading')}</h2>
          <CreateScreenForm onCreated={onCreated} />
          {created && <CreatedScreenNotice created={created} onDismiss={() => setCreated(null)} />}
        </section>

        <section className="panel" aria-labelledby={listHeadingId}>
          <div className="panel-heading">
            <h2 id={listHeadingId} ref={listHeading} tabIndex={-1}>
              {t('screens.list.heading')}
            </h2>
            <div className="panel-heading-meta">
              <p className="screens-announcement" role="status">
                {announcement}
              </p>
              {state.refreshedAt !== null && (
                <span className="screen-muted">{t('screens.refreshedAt', { time: clockTime(state.refreshedAt, timeZone, lang) })}</span>
              )}
              <button type="button" className="button button-small" onClick={refresh}>
                {t('screens.refresh')}
              </button>
            </div>
          </div>
          {state.error && status !== 401 && (
            <div className="notice notice-error" role="alert">
              <p>{t('screens.loadFailed')}</p>
              <p>{t(`errors.${state.error.code}`)}</p>
            </div>
          )}
          {state.displays === null ? (
            !state.error && <p className="notice">{t('common.loading')}</p>
          ) : state.displays.length === 0 ? (
            <p className="notice">{t('screens.list.empty')}</p>
          ) : (
            <ScreensTable
              displays={state.displays}
              captionId={listHeadingId}
              pages={pages}
              timeZone={timeZone}
              onChanged={refresh}
              onAnnounce={setAnnouncement}
              onRevoked={onRevoked}
            />
          )}
        </section>
      </main>
    </div>
  );
}

/** `/admin/screens`: admins only; anyone else is sent to log in, or told they may not. */
export function ScreensPage() {
  const t = useT();
  const [access, setAccess] = useState<Access>({ kind: 'checking' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setAccess({ kind: 'checking' });
    getSession(controller.signal).then(
      (user) => {
        if (user === null) goToLogin(SCREENS_PATH);
        else setAccess(user.role === 'admin' ? { kind: 'admin', user } : { kind: 'forbidden' });
      },
      (caught: unknown) => {
        if (!controller.signal.aborted) setAccess({ kind: 'failed', error: asApiError(caught) });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  switch (access.kind) {
    case 'checking':
      return (
        <PageMessage busy>
          <p className="notice">{t('screens.checking')}</p>
        </PageMessage>
      );
    case 'forbidden':
      return (
        <PageMessage>
          <p className="notice notice-error" role="alert">
            {t('screens.notAllowed')}
          </p>
          <BackToBoard />
        </PageMessage>
      );
    case 'failed':
      return (
        <PageMessage>
          <div className="notice notice-error" role="alert">
            <p>{t('screens.sessionFailed')}</p>
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
          <ScreensManager />
        </>
      );
  }
}
