import type { BoardIndicator } from '../../../shared/api/board';
import type { GroupRows } from '../../../shared/display/pages';
import { useT } from '../../i18n';
import { ProgressList } from './ProgressList';
import { StatusTiles } from './StatusTiles';
import { TrendLegend } from './TrendLegend';

interface Props {
  /** Every indicator of the board: the tiles count them all on every part of the summary. */
  indicators: readonly BoardIndicator[];
  /** The indicators listed on this part, by group. */
  groups: readonly GroupRows[];
  stale: boolean;
  highlights: ReadonlyMap<string, number>;
}

/** The summary: how many stand at each status, and this part's indicators against the pace. */
export function SummaryPage({ indicators, groups, stale, highlights }: Props) {
  const t = useT();
  if (indicators.length === 0) return <p className="display-empty">{t('board.empty')}</p>;
  return (
    <div className="summary">
      <StatusTiles indicators={indicators} />
      <section className="summary-progress" aria-labelledby="summary-progress-title">
        <div className="section-head">
          <h3 id="summary-progress-title">{t('display.progressTitle')}</h3>
          {stale && <span className="stale-tag">{t('display.stale')}</span>}
          <TrendLegend kind="bar" />
        </div>
        <ProgressList groups={groups} stale={stale} highlights={highlights} />
      </section>
    </div>
  );
}
