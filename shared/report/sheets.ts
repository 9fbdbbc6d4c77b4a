import type { Board, BoardIndicator } from '../api/board';
import { sectionsOf, splitEvenly } from '../display/pages';

/**
 * The most indicator rows on one A4 sheet of the printed report: each row keeps room for its
 * name over three lines and a trend chart tall enough to read on paper.
 */
export const MAX_ROWS_PER_SHEET = 6;

/** One page of the printed weekly report after its cover: a group's indicators, or a part of them. */
export interface GroupSheet {
  key: string;
  groupName: string;
  indicators: BoardIndicator[];
  /** 1-based part of a group printed over several sheets, and how many parts it has. */
  part: number;
  parts: number;
}

/**
 * The printed report's group sheets, in the screens' order (groups by display order, unknown
 * groups last under `otherName`), each group over as few sheets as MAX_ROWS_PER_SHEET allows.
 */
export function groupSheets(board: Board, otherName: string): GroupSheet[] {
  return sectionsOf(board, otherName).flatMap((section) => {
    const chunks = splitEvenly(section.indicators, MAX_ROWS_PER_SHEET);
    return chunks.map((indicators, index) => ({
      key: index === 0 ? `sheet-${section.id}` : `sheet-${section.id}-${index + 1}`,
      groupName: section.name,
      indicators,
      part: index + 1,
      parts: chunks.length,
    }));
  });
}
