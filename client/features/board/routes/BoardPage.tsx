import { useEffect, useMemo, useState } from 'react';
import type { Board, BoardGroup, BoardIndicator } from '../../../../shared/api/board';
import type { SessionUser } from '../../../../shared/api/session';
import { getSession } from '../../../api/http';
import { displayTokenFromUrl } from '../../../displayLink';
import { AppNav } from '../../../components/AppNav';
import { IndicatorCard } from '../../../components/IndicatorCard';
import { formatDate, formatDateTime, formatShare } from '../../../format';
import { useBoard } from '../../../hooks/useBoard';
import { useLang, useT } from '../../../i18n';
import { useNavigateTo } from '../../../navigation';

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

/** Where to go, signing out included, is the navigation bar's (AppNav) above, for a session only. */
function BoardHeader({ board }: { board: Board }) {
  const t = useT();
  const lang = useLang();
  const { term } = board;

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
      </div>
    </header>
  );
}

function BoardView({ board }: { board: Board }) {
  const t = useT();
  const sections = useMemo(() => groupSections(board, t('board.otherGroup')), [board, t]);
  return (
    <div className="board">
      <BoardHeader board={board} />
      <main className="board-groups" id="main">
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

/**
 * The signed-in user, for the navigation bar; null until known, and always on a screen opened with
 * a display token (`enabled` false), which never shows the bar.
 */
function useSignedInUser(enabled: boolean): SessionUser | null {
  const [user, setUser] = useState<SessionUser | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    // A session that ended meanwhile: the board itself sends the browser to the login page.
    getSession(controller.signal).then(setUser, () => {});
    return () => controller.abort();
  }, [enabled]);
  return user;
}

/** The board of the current term: for a session, or for a screen opened with `?token=`. */
export function BoardPage() {
  const t = useT();
  const lang = useLang();
  // Read once: the token belongs to the screen, not to a page state.
  const token = useMemo(() => displayTokenFromUrl(), []);
  const { state } = useBoard(token);
  // Asked once the board has come with the session's cookie: a logged-out visit goes to the login page unasked.
  const user = useSignedInUser(token === null && state.kind === 'ready');

  const mustLogIn = state.kind === 'unauthenticated' && token === null;
  const navigate = useNavigateTo();
  useEffect(() => {
    if (mustLogIn) navigate('/login', { replace: true });
  }, [mustLogIn, navigate]);

  switch (state.kind) {
    case 'ready':
      return (
        <>
          {user && (
            <>
              <a className="ws-skip" href="#main">
                {t('nav.skip')}
              </a>
              <AppNav user={user} />
            </>
          )}
          {state.connection === 'offline' && state.offlineSince !== null && (
            <p className="notice notice-error connection-banner" role="alert">
              {t('board.offline', { time: formatDateTime(new Date(state.offlineSince).toISOString(), state.board.timeZone, lang) })}
            </p>
          )}
          <BoardView board={state.board} />
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
