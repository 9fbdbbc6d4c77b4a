import type { GroupRows } from '../../../shared/display/pages';
import { ProgressRow } from './ProgressRow';

interface Props {
  groups: readonly GroupRows[];
  stale: boolean;
  highlights: ReadonlyMap<string, number>;
}

/**
 * Indicators against the pace, by group, one line each across the whole width: the name has
 * room to be read whole, and the rows' bars and values line up (subgrid).
 */
export function ProgressList({ groups, stale, highlights }: Props) {
  return (
    <div className="plist">
      {groups.map((group) => (
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
  );
}
