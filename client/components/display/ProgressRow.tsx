import type { BoardIndicator } from '../../../shared/api/board';
import { useLang } from '../../i18n';
import { shortAmountText, valueText } from '../indicatorText';
import { PaceBar } from '../PaceBar';
import { StatusBadge } from '../StatusBadge';

interface Props {
  indicator: BoardIndicator;
  stale: boolean;
  /** Stamp of a change in the last seconds (the flash's key), or undefined. */
  flash: number | undefined;
}

/**
 * One indicator on the summary: status, name, progress against the pace, value over target. The
 * code is left out here (leaders read names); the cards show it.
 */
export function ProgressRow({ indicator, stale, flash }: Props) {
  const lang = useLang();
  const value = valueText(indicator, lang);
  const shown = indicator.measure === 'ratio' ? shortAmountText(indicator, indicator.current, lang) : `${value.figure}${value.unit === '%' ? '%' : ''}`;
  return (
    <li
      className={`prow status-${indicator.status}${stale ? ' is-stale' : ''}`}
      data-indicator={indicator.code}
      data-status={indicator.status}
      data-overdue={indicator.overdue ? 'true' : undefined}
    >
      {flash !== undefined && <span key={flash} className="flash" aria-hidden="true" />}
      <StatusBadge status={indicator.status} />
      <span className="prow-name">{indicator.name}</span>
      <PaceBar progress={indicator.progress} expectedProgress={indicator.expectedProgress} place="screen" />
      <span className="prow-value">
        <strong data-value="">{shown}</strong>
        <span className="prow-target"> / {shortAmountText(indicator, indicator.target, lang)}</span>
      </span>
    </li>
  );
}
