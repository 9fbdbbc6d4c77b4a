import type { Board, BoardIndicator } from '../api/board';
import type { DisplayPageKey } from '../realtime/events';

/**
 * The most indicator cards on one page: a 3 × 2 grid, which stays legible from across the room
 * on every 16:9 screen (sizes follow the viewport). A constant, not a function of the screen, so
 * that page keys (`group-3-2`) mean the same page on every screen an admin sends a command to.
 */
export const MAX_CARDS_PER_PAGE = 6;

export type ScreenPage =
  | { key: 'summary'; kind: 'summary' }
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

/**
 * The pages a screen rotates through: the summary, then each group in display order
 * (`group-<id>`, continued as `group-<id>-2` ...). Groups without indicators get no page;
 * indicators of a group the board does not list come last, under `otherName` (`group-0`).
 */
export function displayPages(board: Board, otherName: string): ScreenPage[] {
  const pages: ScreenPage[] = [{ key: 'summary', kind: 'summary' }];
  const indicators = [...board.indicators].sort(byOrder);
  const known = new Set(board.groups.map((group) => group.id));
  const sections = [...board.groups].sort(byOrder).map((group) => ({
    id: group.id,
    name: group.name,
    indicators: indicators.filter((indicator) => indicator.groupId === group.id),
  }));
  const orphans = indicators.filter((indicator) => !known.has(indicator.groupId));
  if (orphans.length > 0) sections.push({ id: 0, name: otherName, indicators: orphans });
  for (const section of sections) {
    if (section.indicators.length === 0) continue;
    const chunks = splitEvenly(section.indicators, MAX_CARDS_PER_PAGE);
    chunks.forEach((chunk, index) => {
      const key: DisplayPageKey = index === 0 ? `group-${section.id}` : `group-${section.id}-${index + 1}`;
      pages.push({ key, kind: 'group', groupName: section.name, indicators: chunk, part: index + 1, parts: chunks.length });
    });
  }
  return pages;
}
