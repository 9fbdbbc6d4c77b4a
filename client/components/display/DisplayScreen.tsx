import { useEffect, useMemo, useRef } from 'react';
import type { Board } from '../../../shared/api/board';
import type { GroupRows, ScreenPage } from '../../../shared/display/pages';
import { useMediaQuery } from '../../hooks/useMediaQuery';
import type { ConnectionState } from '../../realtime/board-store';
import { useBoardDay } from '../../hooks/useBoardDay';
import type { ChangedIndicators } from '../../hooks/useDisplayBoard';
import { useDisplayPages } from '../../hooks/useDisplayPages';
import { useDisplayRotation } from '../../hooks/useDisplayRotation';
import { useHighlights } from '../../hooks/useHighlights';
import { formatNumber } from '../../format';
import { useLang, useT } from '../../i18n';
import { ConnectionBanner } from './ConnectionBanner';
import { DisplayHeader, type ReportCaption } from './DisplayHeader';
import { GroupPage } from './GroupPage';
import { PageFooter, usePageName } from './PageFooter';
import { SummaryPage } from './SummaryPage';
import { TrendLegend } from './TrendLegend';
import type { WeeklyChange } from './weeklyChange';

/** A phone, upright or sideways (the stylesheet's phone layout uses the same query). */
const PHONE_QUERY = '(max-width: 700px), (max-height: 500px)';

/** Every summary part's groups as one list, a group split over two parts joined again. */
function summaryGroups(pages: readonly ScreenPage[]): GroupRows[] {
  const groups: GroupRows[] = [];
  for (const page of pages) {
    if (page.kind !== 'summary') continue;
    for (const group of page.groups) {
      const last = groups.at(-1);
      if (last?.key === group.key) groups[groups.length - 1] = { ...last, indicators: [...last.indicators, ...group.indicators] };
      else groups.push(group);
    }
  }
  return groups;
}

export interface PageRequest {
  page: string;
  /** Tells two requests for the same page apart. */
  stamp: number;
}

interface Props {
  board: Board;
  connection: ConnectionState;
  offlineSince: number | null;
  /** The board is this browser's copy, the server not reached since boot: the time of its data (ISO). */
  cachedAt: string | null;
  changed: ChangedIndicators | null;
  clockOffset: number;
  refresh: () => void;
  rotateSeconds: number;
  pinned: string | null;
  request: PageRequest | null;
  /** The weekly export: the change of each indicator since last week. */
  weeklyChanges?: ReadonlyMap<number, WeeklyChange> | undefined;
  /** The weekly export's still picture: its caption in place of the clock and connection, no countdown. */
  report?: ReportCaption | undefined;
}

/** The screen with a board: header, the page on screen, the pages in rotation. */
export function DisplayScreen({ board, connection, offlineSince, cachedAt, changed, clockOffset, refresh, rotateSeconds, pinned, request, weeklyChanges, report }: Props) {
  const t = useT();
  const lang = useLang();
  const pages = useDisplayPages(board, t('board.otherGroup'));
  const keys = useMemo(() => pages.map((page) => page.key), [pages]);
  const rotation = useDisplayRotation(keys, rotateSeconds, pinned);
  const { show } = rotation;
  // Each request once: `show` changes with the pages, which must not replay an old command.
  const handled = useRef(0);
  useEffect(() => {
    if (!request || request.stamp === handled.current) return;
    handled.current = request.stamp;
    show(request.page);
  }, [request, show]);
  const day = useBoardDay(board, connection, clockOffset, refresh);
  const highlights = useHighlights(changed);
  // Figures are current only while connected, of today, and not the browser's copy.
  const stale = connection !== 'live' || day.stale || cachedAt !== null;
  // Said on the page itself too, for automation and the offline check: `<html data-stale>`.
  useEffect(() => {
    document.documentElement.dataset.stale = String(stale);
  }, [stale]);
  useEffect(() => () => void delete document.documentElement.dataset.stale, []);
  const page = pages[rotation.index] ?? pages[0]!;
  const count = page.kind === 'summary' ? board.indicators.length : page.indicators.length;
  const pageName = usePageName();
  const phone = useMediaQuery(PHONE_QUERY);

  const banner = (
    <ConnectionBanner
      connection={connection}
      offlineSince={offlineSince}
      cachedAt={cachedAt}
      dayStale={day.stale}
      boardDate={board.date}
      today={day.today}
      timeZone={board.timeZone}
      clockOffset={clockOffset}
    />
  );

  if (phone) {
    // A phone in the hand: every page one after the other, scrolled rather than rotated.
    return (
      <>
        <DisplayHeader board={board} connection={connection} clockOffset={clockOffset} report={report} />
        {banner}
        <main className="display-main display-phone" data-page="all" aria-labelledby="display-page-title">
          <h2 id="display-page-title" className="phone-page-title">
            {t('display.summaryTitle')}
          </h2>
          <SummaryPage indicators={board.indicators} groups={summaryGroups(pages)} stale={stale} highlights={highlights} />
          {pages.map(
            (groupPage) =>
              groupPage.kind === 'group' && (
                <section key={groupPage.key} className="phone-group" aria-label={pageName(groupPage)}>
                  <h2 className="phone-page-title">{pageName(groupPage)}</h2>
                  <GroupPage board={board} indicators={groupPage.indicators} stale={stale} highlights={highlights} weeklyChanges={weeklyChanges} />
                </section>
              ),
          )}
        </main>
      </>
    );
  }

  return (
    <>
      <DisplayHeader board={board} connection={connection} clockOffset={clockOffset} report={report} />
      {banner}
      <main className={`display-main page-${page.kind}`} data-page={page.key} aria-labelledby="display-page-title">
        <div className="page-head">
          <h2 id="display-page-title">{pageName(page, false)}</h2>
          <p className="page-meta">
            {page.parts > 1 && <span>{t('display.groupPart', { part: page.part, parts: page.parts })}</span>}
            <span>{t('display.indicatorCount', { count: formatNumber(count, 0, lang) })}</span>
          </p>
          {page.kind === 'group' && <TrendLegend kind="chart" />}
        </div>
        {page.kind === 'summary' ? (
          <SummaryPage indicators={board.indicators} groups={page.groups} stale={stale} highlights={highlights} />
        ) : (
          <GroupPage key={page.key} board={board} indicators={page.indicators} stale={stale} highlights={highlights} weeklyChanges={weeklyChanges} />
        )}
      </main>
      <PageFooter pages={pages} index={rotation.index} since={rotation.since} seconds={rotateSeconds} rotating={rotation.rotating} still={report !== undefined} />
    </>
  );
}
