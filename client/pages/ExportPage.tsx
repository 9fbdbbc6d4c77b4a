import { useEffect, useMemo, useState } from 'react';
import type { Board } from '../../shared/api/board';
import { ROTATE_SECONDS } from '../../shared/display/screen';
import { DISPLAY_PAGE_KEY, displayPages } from '../../shared/display/pages';
import { weekBefore, weeklyChanges, type WeeklyChange } from '../../shared/report/weekly';
import { getBoardAsOf } from '../api/exports';
import { DisplayScreen } from '../components/display/DisplayScreen';
import { LangContext, useLang, useT } from '../i18n';
import { PrintReport } from '../report/PrintReport';
import { reportCaption } from '../report/reportCaption';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
const noop = () => {};

/** What the exporter asks to see, by the URL's hash: a screen page (`#group-5`) or the printed report (`#print`). */
export type ExportView = { kind: 'screen'; page: string } | { kind: 'print' };

function viewOf(hash: string): ExportView {
  const key = hash.replace(/^#/, '');
  return DISPLAY_PAGE_KEY.test(key) ? { kind: 'screen', page: key } : { kind: 'print' };
}

const viewName = (view: ExportView) => (view.kind === 'print' ? 'print' : view.page);

/** Tells the exporter (headless Chromium) that a view is drawn, or why it cannot be. */
function signal(state: 'ready' | 'error', view: string, reason?: string): void {
  const data = document.documentElement.dataset;
  data.exportView = view;
  if (reason) data.exportError = reason;
  data.export = state;
}

/**
 * Whether every chart is drawn at the size of its box: Recharts draws after its box is measured,
 * and again when a box changes (a printed sheet setting its text smaller to fit).
 */
function chartsDrawn(charts: number): boolean {
  const surfaces = [...document.querySelectorAll<SVGSVGElement>('[data-indicator] svg.recharts-surface')];
  if (document.querySelectorAll('[data-indicator]').length < charts || surfaces.length < charts) return false;
  return surfaces.every((surface) => {
    // The chart's box (TermChart's root, role="img"), whose size the chart is drawn at.
    const box = surface.closest('[role="img"]');
    return !box || (Math.abs(surface.width.baseVal.value - Math.floor(box.clientWidth)) <= 1 && Math.abs(surface.height.baseVal.value - Math.floor(box.clientHeight)) <= 1);
  });
}

/** Resolves once fonts and images are loaded, every printed sheet fits its page, and every chart is drawn. */
async function drawn(charts: number, isCurrent: () => boolean): Promise<boolean> {
  await document.fonts.ready;
  for (let frame = 0; frame < 600; frame++) {
    if (!isCurrent()) return false;
    const images = [...document.images].every((image) => image.complete);
    const sheets = document.querySelectorAll('.sheet:not([data-fitted])').length === 0;
    if (images && sheets && chartsDrawn(charts)) return true;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  throw new Error(`charts not drawn (${charts} expected)`);
}

type Boards = { board: Board; previous: Board } | { error: string };

/**
 * The weekly export's rendering, loaded once per export: the board as it stood at `asOf` and a
 * week before, shown as any screen page (1920×1080, the screens' own components, without their
 * live parts) or as the printed report, as the URL's hash asks. No socket, no rotation, no motion;
 * in the office's language, and for screen pages in its theme.
 */
export function ExportPage({ token, asOf }: { token: string | null; asOf: string }) {
  const t = useT();
  const [boards, setBoards] = useState<Boards | null>(null);
  const [view, setView] = useState(() => viewOf(window.location.hash));

  useEffect(() => {
    const onHash = () => setView(viewOf(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    const previousAsOf = new Date(Date.parse(asOf) - WEEK_MS).toISOString();
    Promise.all([getBoardAsOf(token, asOf), getBoardAsOf(token, previousAsOf)]).then(
      ([board, previous]) => setBoards({ board, previous }),
      (error: unknown) => setBoards({ error: error instanceof Error ? error.message : String(error) }),
    );
  }, [token, asOf]);

  const changes = useMemo(() => (boards && 'board' in boards ? weeklyChanges(boards.board, boards.previous) : new Map<number, WeeklyChange>()), [boards]);
  // Charts the view draws: one per indicator of a group page, every indicator in the printed report.
  const charts = useMemo(() => {
    if (!boards || !('board' in boards)) return 0;
    if (view.kind === 'print') return boards.board.indicators.length;
    const found = displayPages(boards.board, t('board.otherGroup')).find((page) => page.key === view.page);
    if (!found) return -1;
    return found.kind === 'group' ? found.indicators.length : 0;
  }, [boards, view, t]);

  useEffect(() => {
    if (!boards) return;
    const name = viewName(view);
    if ('error' in boards) return signal('error', name, boards.error);
    if (charts < 0) return signal('error', name, `no page ${name} on this board`);
    let current = true;
    drawn(charts, () => current).then(
      (done) => done && signal('ready', name),
      (error: Error) => signal('error', name, error.message),
    );
    return () => {
      current = false;
    };
  }, [boards, charts, view]);

  const lang = boards && 'board' in boards ? boards.board.defaults.lang : null;
  useEffect(() => {
    if (lang) document.documentElement.lang = lang;
  }, [lang]);

  if (!boards) return null;
  if ('error' in boards) {
    return (
      <div className="display display-dark display-export">
        <main className="display-message display-message-error">
          <h1>{t('export.failed', { reason: boards.error })}</h1>
        </main>
      </div>
    );
  }
  const { board } = boards;
  return (
    <LangContext.Provider value={board.defaults.lang}>
      {view.kind === 'print' ? (
        <PrintReport board={board} previous={weekBefore(boards.previous)} changes={changes} />
      ) : (
        <ScreenPage key={view.page} board={board} page={view.page} changes={changes} />
      )}
    </LangContext.Provider>
  );
}

/** One screen page as the TVs show it, still: the export's caption where the clock and connection are. */
function ScreenPage({ board, page, changes }: { board: Board; page: string; changes: ReadonlyMap<number, WeeklyChange> }) {
  const t = useT();
  const lang = useLang();
  const caption = reportCaption(board, t, lang);
  // The screen's clock shows the board's `asOf`: its offset from this machine's clock, taken once.
  const [clockOffset] = useState(() => Date.parse(board.asOf) - Date.now());
  return (
    <div className={`display display-${board.defaults.theme} display-export`}>
      <DisplayScreen
        board={board}
        connection="live"
        offlineSince={null}
        cachedAt={null}
        changed={null}
        clockOffset={clockOffset}
        refresh={noop}
        rotateSeconds={ROTATE_SECONDS.max}
        pinned={page}
        request={null}
        weeklyChanges={changes}
        report={{ title: caption.title, asOf: caption.asOf }}
      />
    </div>
  );
}
