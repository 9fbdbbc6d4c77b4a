import type { BoardIndicator } from '../../../../shared/api/board';
import { formatDateTime } from '../../../format';
import { useLang, useT } from '../../../i18n';
import { StatusBadges } from '../../../components/StatusBadge';
import { TargetFacts } from '../../../components/TargetFacts';
import { currentText } from '../../../components/valueTexts';

/** The head of an indicator's history: what it is, where it stands, when it was last updated. */
export function IndicatorSummary({ indicator, timeZone }: { indicator: BoardIndicator; timeZone: string }) {
  const t = useT();
  const lang = useLang();
  return (
    <div className="ws-header">
      <p className="ws-eyebrow">
        <span className="ws-code">{indicator.code}</span> · {indicator.ownerUnit.name}
      </p>
      <h1>{indicator.name}</h1>
      {indicator.description && <p className="ws-intro">{indicator.description}</p>}
      <dl className="ws-facts">
        <div>
          <dt>{t('workspace.list.current')}</dt>
          <dd>{currentText(indicator, indicator, lang) ?? t('indicator.noReading')}</dd>
        </div>
        <TargetFacts indicator={indicator} />
        <div>
          <dt>{t('workspace.list.status')}</dt>
          <dd className="card-badges">
            <StatusBadges of={indicator} />
          </dd>
        </div>
        <div>
          <dt>{t('workspace.history.updatedAt')}</dt>
          <dd>{indicator.updatedAt ? formatDateTime(indicator.updatedAt, timeZone, lang) : '—'}</dd>
        </div>
      </dl>
    </div>
  );
}
