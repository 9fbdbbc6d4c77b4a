import type { Board, BoardIndicator } from '../../shared/api/board';
import type { WeeklyChange } from '../../shared/report/weekly';
import { TrendChart } from '../components/display/TrendChart';
import { amountText, figureWithUnit, valueText } from '../components/indicatorText';
import { PaceBar } from '../components/PaceBar';
import { ReadingDate } from '../components/ReadingDate';
import { OverdueSinceBadge, StatusBadge } from '../components/StatusBadge';
import { useLang, useT } from '../i18n';
import { PRINT_LOOK } from './printLook';
import { changeAmountText } from './weeklyText';

/** The week's change in words: "Tăng 2 đảng viên", "Không đổi"; the column's head says "in the week". */
function WeekChange({ indicator, change }: { indicator: BoardIndicator; change: WeeklyChange | undefined }) {
  const t = useT();
  const lang = useLang();
  if (!change) return <span className="row-muted">{t('export.weekChange.none')}</span>;
  if (change.kind === 'up' || change.kind === 'down') {
    return <span className={`week-${change.kind}`}>{t(`export.weekChange.${change.kind}`, { amount: changeAmountText(indicator, change.amount, lang) })}</span>;
  }
  return <span className="row-muted">{t(`export.weekChange.${change.kind}`)}</span>;
}

/**
 * One indicator on a printed sheet: its value, target, the value the term's pace expects by now,
 * status, the week's change and its trend, drawn by the screens' chart.
 */
export function IndicatorRow({ indicator, board, change }: { indicator: BoardIndicator; board: Board; change: WeeklyChange | undefined }) {
  const t = useT();
  const lang = useLang();
  const value = valueText(indicator, lang);
  return (
    <div className={`sheet-row status-${indicator.status}`} role="row" data-indicator={indicator.code}>
      <div role="rowheader" className="cell-indicator">
        <span className="row-muted">
          <span className="row-code">{indicator.code}</span> · <ReadingDate indicator={indicator} />
        </span>
        <span className="row-name">{indicator.name}</span>
      </div>
      <div role="cell" className="cell-current">
        <span className="row-value" data-value="">
          {figureWithUnit(value)}
        </span>
        {value.secondary && <span className="row-muted">{value.secondary}</span>}
        <PaceBar progress={indicator.progress} expectedProgress={indicator.expectedProgress} place="screen" />
      </div>
      <div role="cell">
        {indicator.direction !== 'increase' && <span className="row-muted">{t(`indicator.target.${indicator.direction}`)}</span>}
        <span>{amountText(indicator, indicator.target, lang)}</span>
      </div>
      <div role="cell">{amountText(indicator, indicator.expected, lang)}</div>
      <div role="cell" className="cell-status">
        <StatusBadge status={indicator.status} />
        {indicator.overdue && <OverdueSinceBadge lastReadingDate={indicator.lastReadingDate} />}
      </div>
      <div role="cell">
        <WeekChange indicator={indicator} change={change} />
      </div>
      <div role="cell" className="cell-trend">
        <TrendChart indicator={indicator} term={board.term} date={board.date} look={PRINT_LOOK} />
      </div>
    </div>
  );
}
