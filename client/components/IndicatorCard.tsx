import type { BoardIndicator } from '../../shared/api/board';
import { formatDate, formatRatio, formatShare, formatValue } from '../format';
import { useLang, useT } from '../i18n';
import { StatusBadges } from './StatusBadge';

function clampShare(share: number): number {
  return Math.min(1, Math.max(0, share));
}

/** The way from the start value to the target, with a marker where the pace expects to be today. */
function ProgressBar({ progress, expectedProgress }: { progress: number | null; expectedProgress: number }) {
  const t = useT();
  const lang = useLang();
  const expected = formatShare(expectedProgress, lang);
  const label =
    progress === null
      ? t('indicator.progressLabelNoData', { expected })
      : t('indicator.progressLabel', { progress: formatShare(progress, lang), expected });
  const reached = progress === null ? 0 : clampShare(progress);
  return (
    <div className="progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(reached * 100)}
        aria-valuetext={label}
        title={label}
      >
        <div className="progress-fill" style={{ width: `${reached * 100}%` }} />
        <div className="progress-marker" style={{ left: `${clampShare(expectedProgress) * 100}%` }} />
      </div>
      <span className="progress-share" aria-hidden="true">
        {progress === null ? '—' : formatShare(progress, lang)}
      </span>
    </div>
  );
}

/** One indicator as a card. `data-indicator` is how tests and automation find it: keep it. */
export function IndicatorCard({ indicator }: { indicator: BoardIndicator }) {
  const t = useT();
  const lang = useLang();
  const { code, measure, decimals, unit, current, numerator, denominator } = indicator;
  // For a ratio, current, target and expected are percentages; `unit` names what is counted.
  const isRatio = measure === 'ratio';
  const valueUnit = isRatio ? '%' : unit;
  const countedUnit = isRatio && unit && unit !== '%' ? ` ${unit}` : '';
  const ratio = isRatio && numerator !== null && denominator !== null ? formatRatio(numerator, denominator, lang) : null;
  const main = ratio !== null ? `${ratio}${countedUnit}` : formatValue(current, decimals, valueUnit, lang);
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
        <span className="value-main">{main}</span>
        {ratio !== null && <span className="value-secondary">{formatValue(current, decimals, '%', lang)}</span>}
      </p>

      <ProgressBar progress={indicator.progress} expectedProgress={indicator.expectedProgress} />

      <dl className="card-facts">
        <div>
          <dt>{t(`indicator.target.${indicator.direction}`)}</dt>
          <dd>{formatValue(indicator.target, decimals, valueUnit, lang)}</dd>
        </div>
        <div>
          <dt>{t('indicator.expected')}</dt>
          <dd>{formatValue(indicator.expected, decimals, valueUnit, lang)}</dd>
        </div>
      </dl>

      <div className="card-badges">
        <StatusBadges of={indicator} />
      </div>

      <footer className="card-footer">
        <span>
          {indicator.lastReadingDate
            ? t('indicator.lastReading', { date: formatDate(indicator.lastReadingDate, lang) })
            : t('indicator.noReading')}
        </span>
        <span>{t('indicator.ownerUnit', { unit: indicator.ownerUnit.name })}</span>
      </footer>
    </article>
  );
}
