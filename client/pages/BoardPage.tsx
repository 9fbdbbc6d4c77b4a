import { useEffect, useMemo, useState } from 'react';
import type { Board, BoardGroup, BoardIndicator } from '../../shared/api/board';
import { displayTokenFromUrl, getSession, logout } from '../api';
import { IndicatorCard } from '../components/IndicatorCard';
import { formatDate, formatDateTime, formatShare } from '../format';
import { useBoard } from '../hooks/useBoard';
import { useLang, useT } from '../i18n';
import { hrefTo, navigate } from '../router';
import { SCREENS_PATH } from './ScreensPage';

interface GroupSection {
  key: string;
  name: string;
  indicators: BoardIndicator[];
}

const byOrder = (a: { displayOrder: number; id: number }, b: { displayOrder: number; id: number }) =>
  a.displayOrder - b.displayOrder || a.id - b.id;

/** Groups in display order, each with its indicators; indicators of an unknown group come last. */
function groupSections(board: Board, otherName: string): GroupSection[] {
  const byGroup = new Map<number, BoardIndicator[]>();
  for (const indicator of [...board.indicators].sort(byOrder)) {
    const list = byGroup.get(indicator.groupId) ?? [];
    list.push(indicator);
    byGroup.set(indicator.groupId, list);
  }
  const known = new Set(board.groups.map((group) => group.id));
  const sections = [...board.groups].sort(byOrder).map((group: BoardGroup) => ({
    key: `group-${group.id}`,
    name: group.name,
    indicators: byGroup.get(group.id) ?? [],
  }));
  const orphans = board.indicators.filter((indicator) => !known.has(indicator.groupId)).sort(byOrder);
  if (orphans.length > 0) sections.push({ key: 'group-other', name: otherName, indicators: orphans });
  return sections.filter((section) => section.indicators.length > 0);
}

function BoardHeader({ board, canLogOut }: { board: Board; canLogOut: boolean }) {
  const t = useT();
  const lang = useLang();
  const [loggingOut, setLoggingOut] = useState(false);
  const [isAdmin, setIsAdmin] = useState(false);
  const { term } = board;

  // Only a logged-in viewer can be an admin; a screen's token never gets the link.
  useEffect(() => {
    if (!canLogOut) return;
    const controller = new AbortController();
    getSession(controller.signal).then(
      (user) => setIsAdmin(user?.role === 'admin'),
      () => {},
    );
    return () => controller.abort();
  }, [canLogOut]);

  async function onLogout() {
    setLoggingOut(true);
    try {
      await logout();
    } catch {
      // Whatever the answer, the way forward is the login page; the session cookie is the server's.
    }
    navigate('/login');
  }

  return (
    <header className="board-header">
      <div className="board-title">
        <p className="board-office">{board.office}</p>
        <h1>{term.name}</h1>
      </div>
      <div className="board-term">
        <p className="board-elapsed">{t('board.elapsed', { percent: formatShare(term.elapsed, lang) })}</p>
        <div className="elapsed-track" aria-hidden="true">
          <div className="elapsed-fill" style={{ width: `${Math.min(1, Math.max(0, term.elapsed)) * 100}%` }} />
        </div>
        <p className="board-dates">
          {t('board.termDates', { start: formatDate(term.start, lang), end: formatDate(term.end, lang) })}
        </p>
      </div>
      <div className="board-meta">
        {term.closed && <p className="badge term-closed">{t('board.closed')}</p>}
        <p className="board-as-of">{t('board.asOf', { dateTime: formatDateTime(board.asOf, board.timeZone, lang) })}</p>
        {isAdmin && (
          <a
            className="button button-quiet"
            href={hrefTo(SCREENS_PATH)}
            onClick={(event) => {
              event.preventDefault();
              navigate(SCREENS_PATH);
            }}
          >
            {t('board.manageScreens')}
          </a>
        )}
        {canLogOut && (
          <button type="button" className="button button-quiet" onClick={onLogout} disabled={loggingOut}>
            {t('board.logout')}
          </button>
        )}
      </div>
    </header>
  );
}

function BoardView({ board, canLogOut }: { board: Board; canLogOut: boolean }) {
  const t = useT();
  const sections = useMemo(() => groupSections(board, t('board.otherGroup')), [board, t]);
  return (
    <div className="board">
      <BoardHeader board={board} canLogOut={canLogOut} />
      <main className="board-groups">
        {sections.length === 0 && <p className="notice">{t('board.empty')}</p>}
        {sections.map((section) => (
          <section key={section.key} className="board-group" aria-labelledby={section.key}>
            <h2 id={section.key}>{section.name}</h2>
            <div className="card-grid">
              {section.indicators.map((indicator) => (
                <IndicatorCard key={indicator.id} indicator={indicator} />
              ))}
            </div>
          </section>
        ))}
      </main>
    </div>
  );
}

/** The board of the current term: for a session, or for a screen opened with `?token=`. */
export function BoardPage() {
  const t = useT();
  const lang = useLang();
  // Read once: the token belongs to the screen, not to a page state.
  const token = useMemo(() => displayTokenFromUrl(), []);
  const { state } = useBoard(token);

  const mustLogIn = state.kind === 'unauthenticated' && token === null;
  useEffect(() => {
    if (mustLogIn) navigate('/login', { replace: true });
  }, [mustLogIn]);

  switch (state.kind) {
    case 'ready':
      return (
        <>
          {state.connection === 'offline' && state.offlineSince !== null && (
            <p className="notice notice-error connection-banner" role="alert">
              {t('board.offline', { time: formatDateTime(new Date(state.offlineSince).toISOString(), state.board.timeZone, lang) })}
            </p>
          )}
          <BoardView board={state.board} canLogOut={token === null} />
        </>
      );
    case 'unauthenticated':
      // A screen has nobody at a keyboard: a login form would be no use there.
      return token === null ? null : (
        <main className="page-message">
          <p className="notice notice-error" role="alert">
            {t('board.displayLinkInvalid')}
          </p>
        </main>
      );
    case 'loading':
      return (
        <main className="page-message" aria-busy="true">
          <p className="notice">{t('common.loading')}</p>
        </main>
      );
  }
}
