import type { BoardIndicator } from '../../shared/api/board';
import { formatShare } from '../format';
import { useLang, useT } from '../i18n';
import { figureWithUnit, valueText } from './indicatorText';
import { PaceBar } from './PaceBar';
import { ReadingDate } from './ReadingDate';
import { StatusBadges } from './StatusBadge';
import { TargetFacts } from './TargetFacts';

/** One indicator as a card. `data-indicator` is how tests and automation find it: keep it. */
export function IndicatorCard({ indicator }: { indicator: BoardIndicator }) {
  const t = useT();
  const lang = useLang();
  const { code } = indicator;
  const value = valueText(indicator, lang);
  const nameId = `indicator-${code}-name`;

  return (
    <article
      className={`card status-${indicator.status}${indicator.overdue ? ' is-overdue' : ''}`}
      data-indicator={code}
      data-status={indicator.status}
      aria-labelledby={nameId}
    >
      <header className="card-header">
        <span className="card-code">{code}</span>
        <h3 className="card-name" id={nameId}>
          {indicator.name}
        </h3>
      </header>

      <p className="card-value">
        <span className="value-main" data-value="">{figureWithUnit(value)}</span>
        {value.secondary !== null && <span className="value-secondary">{value.secondary}</span>}
      </p>

      <PaceBar progress={indicator.progress} expectedProgress={indicator.expectedProgress} place="board" />
      {/* A bare "30%" beside a value of 98,1% was read as a contradiction: the bar says what it measures. */}
      <p className="progress-caption" aria-hidden="true">
        {indicator.progress === null
          ? t('boardCard.progressNoData', { expected: formatShare(indicator.expectedProgress, lang) })
          : t('boardCard.progress', { progress: formatShare(indicator.progress, lang), expected: formatShare(indicator.expectedProgress, lang) })}
      </p>

      <dl className="card-facts">
        <TargetFacts indicator={indicator} />
      </dl>

      <div className="card-badges">
        <StatusBadges of={indicator} />
      </div>

      <footer className="card-footer">
        <ReadingDate indicator={indicator} />
        <span>{t('indicator.ownerUnit', { unit: indicator.ownerUnit.name })}</span>
      </footer>
    </article>
  );
}
