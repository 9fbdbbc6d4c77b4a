import { useEffect, useMemo, useState } from 'react';
import type { Board } from '../../shared/api/board';
import { ROTATE_SECONDS } from '../../shared/display/screen';
import { displayPages } from '../../shared/display/pages';
import { getBoardAsOf } from '../api/exports';
import { DisplayScreen } from '../components/display/DisplayScreen';
import { ExportCover } from '../components/display/ExportCover';
import { weeklyChanges } from '../components/display/weeklyChange';
import { useT } from '../i18n';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
const noop = () => {};

/** Tells the exporter (headless Chromium) that the page is drawn, or why it cannot be. */
function signal(state: 'ready' | 'error', reason?: string): void {
  document.documentElement.dataset.export = state;
  if (reason) document.documentElement.dataset.exportError = reason;
}

/** Resolves once fonts are loaded and every card's chart has drawn (Recharts draws after layout). */
async function drawn(cards: number): Promise<void> {
  await document.fonts.ready;
  for (let frame = 0; frame < 600; frame++) {
    const charts = document.querySelectorAll('[data-indicator] .recharts-surface').length;
    if (document.querySelectorAll('[data-indicator]').length >= cards && charts >= cards) return;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  throw new Error(`charts not drawn (${cards} expected)`);
}

/**
 * The screen as the weekly export captures it: one page (or the cover), the board as it stood
 * at `asOf`, each card with its change since a week before; no socket, no rotation, no motion.
 */
export function ExportPage({ token, page, asOf }: { token: string | null; page: string; asOf: string }) {
  const t = useT();
  const [boards, setBoards] = useState<{ board: Board; previous: Board } | { error: string } | null>(null);

  useEffect(() => {
    const previousAsOf = new Date(Date.parse(asOf) - WEEK_MS).toISOString();
    Promise.all([getBoardAsOf(token, asOf), getBoardAsOf(token, previousAsOf)]).then(
      ([board, previous]) => setBoards({ board, previous }),
      (error: unknown) => setBoards({ error: error instanceof Error ? error.message : String(error) }),
    );
  }, [token, asOf]);

  const changes = useMemo(() => (boards && 'board' in boards ? weeklyChanges(boards.board, boards.previous) : undefined), [boards]);
  const cards = useMemo(() => {
    if (!boards || !('board' in boards) || page === 'cover') return 0;
    const found = displayPages(boards.board, t('board.otherGroup')).find((p) => p.key === page);
    if (!found) return -1;
    return found.kind === 'group' ? found.indicators.length : 0;
  }, [boards, page, t]);

  useEffect(() => {
    if (!boards) return;
    if ('error' in boards) return signal('error', boards.error);
    if (cards < 0) return signal('error', `no page ${page} on this board`);
    drawn(cards).then(
      () => signal('ready'),
      (error: Error) => signal('error', error.message),
    );
  }, [boards, cards, page]);

  if (!boards) return null;
  if ('error' in boards) return <main className="display-message display-message-error"><h1>{t('export.failed', { reason: boards.error })}</h1></main>;
  if (page === 'cover') return <ExportCover board={boards.board} />;
  return (
    <DisplayScreen
      board={boards.board}
      connection="live"
      offlineSince={null}
      cachedAt={null}
      changed={null}
      clockOffset={Date.parse(boards.board.asOf) - Date.now()}
      refresh={noop}
      rotateSeconds={ROTATE_SECONDS.max}
      pinned={page}
      request={null}
      weeklyChanges={changes}
    />
  );
}
