import type { CSSProperties } from 'react';
import type { ScreenPage } from '../../hooks/useDisplayPages';
import type { BoardIndicator } from '../../../shared/api/board';
import { ProgressRow } from './ProgressRow';

interface GroupRows {
  key: string;
  name: string;
  indicators: BoardIndicator[];
}

/** Groups with their indicators, continued pages joined again. */
function groupRows(pages: readonly ScreenPage[]): GroupRows[] {
  const groups: GroupRows[] = [];
  for (const page of pages) {
    if (page.kind !== 'group') continue;
    if (page.part > 1 && groups.length > 0) groups.at(-1)!.indicators.push(...page.indicators);
    else groups.push({ key: page.key, name: page.groupName, indicators: [...page.indicators] });
  }
  return groups;
}

/**
 * Whole groups into `count` columns of about equal height (a heading counts as a line), in
 * order, so that reading goes down the first column, then the next.
 */
function intoColumns(groups: readonly GroupRows[], count: number): GroupRows[][] {
  const lines = (group: GroupRows) => group.indicators.length + 1;
  const total = groups.reduce((sum, group) => sum + lines(group), 0);
  const columns: GroupRows[][] = [[]];
  let filled = 0;
  for (const group of groups) {
    const column = columns.at(-1)!;
    const share = total / count;
    // Start a new column when this group would take the current one well past its share.
    if (column.length > 0 && columns.length < count && filled + lines(group) / 2 > share * columns.length) columns.push([]);
    columns.at(-1)!.push(group);
    filled += lines(group);
  }
  return columns;
}

interface Props {
  pages: readonly ScreenPage[];
  stale: boolean;
  highlights: ReadonlyMap<string, number>;
}

/** Every indicator against the pace, by group, in as many columns as keep the lines legible. */
export function ProgressList({ pages, stale, highlights }: Props) {
  const groups = groupRows(pages);
  const lineCount = groups.reduce((sum, group) => sum + group.indicators.length + 1, 0);
  const columns = intoColumns(groups, lineCount > 36 ? 3 : lineCount > 8 ? 2 : 1);
  const rows = Math.max(1, ...columns.map((column) => column.reduce((sum, group) => sum + group.indicators.length + 1, 0)));
  return (
    <div className="plist" style={{ '--plist-columns': columns.length, '--plist-rows': rows } as CSSProperties}>
      {columns.map((column, index) => (
        <div className="plist-column" key={index}>
          {column.map((group) => (
            <section className="plist-group" key={group.key} aria-label={group.name}>
              <h4 className="plist-heading">{group.name}</h4>
              <ul className="plist-rows">
                {group.indicators.map((indicator) => (
                  <ProgressRow key={indicator.id} indicator={indicator} stale={stale} flash={highlights.get(indicator.code)} />
                ))}
              </ul>
            </section>
          ))}
        </div>
      ))}
    </div>
  );
}
