import type { BoardIndicator } from '../../../shared/api/board';
import type { ScreenPage } from '../../hooks/useDisplayPages';
import { useT } from '../../i18n';
import { ProgressList } from './ProgressList';
import { StatusTiles } from './StatusTiles';
import { TrendLegend } from './TrendLegend';

interface Props {
  indicators: readonly BoardIndicator[];
  pages: readonly ScreenPage[];
  stale: boolean;
  highlights: ReadonlyMap<string, number>;
}

/** The first page: every indicator against where the term's pace says it should be by now. */
export function SummaryPage({ indicators, pages, stale, highlights }: Props) {
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
        <ProgressList pages={pages} stale={stale} highlights={highlights} />
      </section>
    </div>
  );
}
