import type { Board, BoardIndicator } from '../../../../shared/api/board';

export interface IndicatorGroup {
  key: string;
  name: string;
  indicators: BoardIndicator[];
}

const byOrder = (a: { displayOrder: number; id: number }, b: { displayOrder: number; id: number }) => a.displayOrder - b.displayOrder || a.id - b.id;

/** Overdue ones first (what most needs entering), then the board's order. */
const overdueFirst = (a: BoardIndicator, b: BoardIndicator) => Number(b.overdue) - Number(a.overdue) || byOrder(a, b);

/**
 * The given indicators by board group, groups in display order, overdue first within each;
 * indicators of a group the board does not list come last under `otherName`. Empty groups are left out.
 */
export function groupIndicators(board: Board, indicators: readonly BoardIndicator[], otherName: string): IndicatorGroup[] {
  const known = new Set(board.groups.map((group) => group.id));
  const groups: IndicatorGroup[] = [...board.groups].sort(byOrder).map((group) => ({
    key: `group-${group.id}`,
    name: group.name,
    indicators: indicators.filter((indicator) => indicator.groupId === group.id).sort(overdueFirst),
  }));
  groups.push({ key: 'group-other', name: otherName, indicators: indicators.filter((i) => !known.has(i.groupId)).sort(overdueFirst) });
  return groups.filter((group) => group.indicators.length > 0);
}
