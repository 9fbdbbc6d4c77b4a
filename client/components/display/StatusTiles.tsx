import type { BoardIndicator } from '../../../shared/api/board';
import { STATUSES, type Status } from '../../../shared/indicator/kinds';
import { formatNumber } from '../../format';
import { useLang, useT } from '../../i18n';
import { OverdueBadge, StatusBadge } from '../StatusBadge';

/** How many indicators stand at each status, and how many are overdue: the first thing a leader reads. */
export function StatusTiles({ indicators }: { indicators: readonly BoardIndicator[] }) {
  const t = useT();
  const lang = useLang();
  const counts = new Map<Status, number>(STATUSES.map((status) => [status, 0]));
  for (const indicator of indicators) counts.set(indicator.status, (counts.get(indicator.status) ?? 0) + 1);
  const overdue = indicators.filter((indicator) => indicator.overdue).length;

  return (
    <ul className="tiles" aria-label={t('display.statusTilesLabel')}>
      {STATUSES.map((status) => (
        <li key={status} className={`tile status-${status}`} data-status-count={status}>
          <span className="tile-count">{formatNumber(counts.get(status) ?? 0, 0, lang)}</span>
          <StatusBadge status={status} />
        </li>
      ))}
      <li className="tile tile-overdue" data-status-count="overdue">
        <span className="tile-count">{formatNumber(overdue, 0, lang)}</span>
        <OverdueBadge label={t('overdue.badge')} />
      </li>
    </ul>
  );
}
