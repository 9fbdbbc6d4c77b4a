import type { CSSProperties } from 'react';
import type { Board, BoardIndicator } from '../../../shared/api/board';
import { formatNumber } from '../../format';
import { useLang, useT } from '../../i18n';
import { valueText } from '../indicatorText';
import { PaceBar } from '../PaceBar';
import { ReadingDate } from '../ReadingDate';
import { OverdueSinceBadge, StatusBadge } from '../StatusBadge';
import { TargetFacts } from '../TargetFacts';
import { TrendChart } from './TrendChart';
import type { WeeklyChange } from './weeklyChange';

interface Props {
  indicator: BoardIndicator;
  board: Board;
  stale: boolean;
  /** Stamp of a change in the last seconds (the flash's key), or undefined. */
  flash: number | undefined;
  /** Grid placement, from the page's layout. */
  placement: CSSProperties;
  /** The change since a week before, in the weekly export. */
  weeklyChange?: WeeklyChange | undefined;
}

/**
 * One indicator, read from across the room. `data-indicator` is how tests and automation find it:
 * keep it, with the current value (vi-VN formatted) in its text. Its six parts sit on the rows of
 * the page grid (subgrid), so that values, bars and charts line up from card to card.
 */
export function DisplayCard({ indicator, board, stale, flash, placement, weeklyChange }: Props) {
  const t = useT();
  const lang = useLang();
  const value = valueText(indicator, lang);
  const nameId = `display-card-${indicator.code}`;

  return (
    <article
      className={`dcard status-${indicator.status}${stale ? ' is-stale' : ''}`}
      data-indicator={indicator.code}
      data-status={indicator.status}
      data-overdue={indicator.overdue ? 'true' : undefined}
      aria-labelledby={nameId}
      style={placement}
    >
      {flash !== undefined && <span key={flash} className="flash" aria-hidden="true" />}
      <div className="dcard-head">
        <span className="dcard-code">{indicator.code}</span>
        <StatusBadge status={indicator.status} />
      </div>
      <h3 className="dcard-name" id={nameId}>
        {indicator.name}
      </h3>
      <div className="dcard-figures">
        <p className="dcard-value">
          <span className="dcard-number" data-value="">{value.figure}</span>
          {value.unit && <span className={value.unit === '%' ? 'dcard-percent' : 'dcard-unit'}>{value.unit}</span>}
          {value.secondary && <span className="dcard-secondary">{value.secondary}</span>}
        </p>
        <dl className="dcard-facts">
          <TargetFacts indicator={indicator} />
        </dl>
      </div>
      <PaceBar progress={indicator.progress} expectedProgress={indicator.expectedProgress} place="screen" />
      <TrendChart indicator={indicator} term={board.term} date={board.date} />
      <div className="dcard-foot">
        <ReadingDate indicator={indicator} className="dcard-updated" />
        {weeklyChange && (
          <span className={`dcard-change change-${weeklyChange.kind}`}>
            {weeklyChange.kind === 'up' || weeklyChange.kind === 'down'
              ? t(`export.change.${weeklyChange.kind}`, { amount: formatNumber(weeklyChange.amount, indicator.decimals, lang) })
              : t(`export.change.${weeklyChange.kind}`)}
          </span>
        )}
        {indicator.overdue && <OverdueSinceBadge lastReadingDate={indicator.lastReadingDate} />}
        {stale && <span className="stale-tag">{t('display.stale')}</span>}
      </div>
    </article>
  );
}
