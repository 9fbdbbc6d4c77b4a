import { useMemo } from 'react';
import type { Board } from '../../shared/api/board';
import { displayPages, type ScreenPage } from '../../shared/display/pages';

export type { ScreenPage } from '../../shared/display/pages';

/** `displayPages`, recomputed only when the board changes. */
export function useDisplayPages(board: Board, otherName: string): ScreenPage[] {
  return useMemo(() => displayPages(board, otherName), [board, otherName]);
}
