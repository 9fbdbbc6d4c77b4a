import type { Board, BoardIndicator } from '../api/board';
import type { DisplayPageKey } from '../realtime/events';

/**
 * The most indicator cards on one page: two rows of two, which keeps every card's text at the
 * distance type size (24 px and up at 1920×1080, values 48 px and up) on every 16:9 screen (sizes
 * follow the viewport). A constant, not a function of the screen, so that page keys (`group-3-2`)
 * mean the same page on every screen an admin sends a command to.
 */
export const MAX_CARDS_PER_PAGE = 4;

/** The most indicator lines on one summary page, for the same reason: as many pages as that needs. */
export const MAX_SUMMARY_ROWS = 8;

/** What a page key looks like (a link's `?page=`, a remote command's page): see DisplayPageKey. */
export const DISPLAY_PAGE_KEY = /^(summary(-\d+)?|group-\d+(-\d+)?)$/;

/** Indicators of one group, in display order. */
export interface GroupRows {
  key: string;
  name: string;
  indicators: BoardIndicator[];
}

export type ScreenPage =
  | {
      key: 'summary' | `summary-${number}`;
      kind: 'summary';
      /** The indicators listed on this part of the summary, by group. */
      groups: GroupRows[];
      part: number;
      parts: number;
    }
  | {
      key: DisplayPageKey;
      kind: 'group';
      groupName: string;
      indicators: BoardIndicator[];
      /** 1-based part of a group spread over several pages, and how many parts it has. */
      part: number;
      parts: number;
    };

const byOrder = (a: { displayOrder: number; id: number }, b: { displayOrder: number; id: number }) =>
  a.displayOrder - b.displayOrder || a.id - b.id;

/**
 * Splits `items` into the fewest pages of at most `max`, as evenly as possible: 7 cards make
 * 4 + 3 rather than 6 + 1, so no page is left with a lonely card.
 */
export function splitEvenly<T>(items: readonly T[], max: number): T[][] {
  const parts = Math.max(1, Math.ceil(items.length / max));
  const size = Math.ceil(items.length / parts);
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** The board's groups in display order with their indicators; those of unknown groups last, under `otherName` (id 0). */
export function sectionsOf(board: Board, otherName: string): Array<{ id: number; name: string; indicators: BoardIndicator[] }> {
  const indicators = [...board.indicators].sort(byOrder);
  const known = new Set(board.groups.map((group) => group.id));
  const sections = [...board.groups].sort(byOrder).map((group) => ({
    id: group.id,
    name: group.name,
    indicators: indicators.filter((indicator) => indicator.groupId === group.id),
  }));
  const orphans = indicators.filter((indicator) => !known.has(indicator.groupId));
  if (orphans.length > 0) sections.push({ id: 0, name: otherName, indicators: orphans });
  return sections.filter((section) => section.indicators.length > 0);
}

/** The summary's parts: every indicator once, in group order, at most MAX_SUMMARY_ROWS a part. */
function summaryPages(sections: ReturnType<typeof sectionsOf>): ScreenPage[] {
  const lines = sections.flatMap((section) => section.indicators.map((indicator) => ({ section, indicator })));
  const chunks = splitEvenly(lines, MAX_SUMMARY_ROWS);
  return chunks.map((chunk, index) => {
    const groups: GroupRows[] = [];
    for (const { section, indicator } of chunk) {
      const last = groups.at(-1);
      if (last && last.key === `group-${section.id}`) last.indicators.push(indicator);
      else groups.push({ key: `group-${section.id}`, name: section.name, indicators: [indicator] });
    }
    return { key: index === 0 ? 'summary' : `summary-${index + 1}`, kind: 'summary', groups, part: index + 1, parts: chunks.length } as const;
  });
}

/**
 * The pages a screen rotates through: the summary (`summary`, continued as `summary-2` ...),
 * then each group in display order (`group-<id>`, continued as `group-<id>-2` ...). Groups
 * without indicators get no page; indicators of a group the board does not list come last,
 * under `otherName` (`group-0`).
 */
export function displayPages(board: Board, otherName: string): ScreenPage[] {
  const sections = sectionsOf(board, otherName);
  const pages: ScreenPage[] = summaryPages(sections);
  for (const section of sections) {
    const chunks = splitEvenly(section.indicators, MAX_CARDS_PER_PAGE);
    chunks.forEach((chunk, index) => {
      const key: DisplayPageKey = index === 0 ? `group-${section.id}` : `group-${section.id}-${index + 1}`;
      pages.push({ key, kind: 'group', groupName: section.name, indicators: chunk, part: index + 1, parts: chunks.length });
    });
  }
  return pages;
}
