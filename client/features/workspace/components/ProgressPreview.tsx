import { useId, useMemo } from 'react';
import type { Board, BoardIndicator } from '../../../../shared/api/board';
import type { ReadingInput } from '../../../../shared/api/readings';
import type { Progress } from '../../../../shared/indicator/progress';
import { formatDate, formatValue } from '../../../format';
import { useNow } from '../../../hooks/useNow';
import { useLang, useT } from '../../../i18n';
import { StatusBadges } from '../../../components/StatusBadge';
import { progressChange } from './progressPreview';
import type { ReadingsState } from '../api/useReadings';
import { currentText } from '../../../components/valueTexts';
import { fractionDigits } from '../../../components/numbers';

interface Props {
  indicator: BoardIndicator;
  board: Board;
  readings: ReadingsState;
  /** The reading as it would be sent; null while the form has errors. */
  input: ReadingInput | null;
}

function StatusOf({ progress }: { progress: Progress }) {
  return (
    <span className="ws-preview-status">
      <StatusBadges of={progress} />
    </span>
  );
}

function Becomes() {
  const t = useT();
  return (
    <>
      <span className="ws-arrow" aria-hidden="true">
        →
      </span>
      <span className="visually-hidden">{t('workspace.preview.becomes')}</span>
    </>
  );
}

/**
 * What saving would do to the indicator, before it is saved: its current value and status now
 * and with the new reading, computed by the shared progress rule from all of its readings.
 */
export function ProgressPreview({ indicator, board, readings, input }: Props) {
  const t = useT();
  const lang = useLang();
  const headingId = useId();
  // The expected pace moves with the day: a minute's precision is plenty.
  const now = useNow(60_000);
  const change = useMemo(
    () => (input && readings.readings ? progressChange(indicator, board, readings.readings, input, now) : null),
    [indicator, board, readings.readings, input, now],
  );

  let body;
  if (readings.readings === null) {
    body = <p className="field-hint">{readings.error ? t('workspace.preview.failed') : t('workspace.preview.loading')}</p>;
  } else if (!change || !input) {
    body = <p className="field-hint">{t('workspace.preview.waiting')}</p>;
  } else {
    const noData = t('indicator.noReading');
    const { before, after } = change;
    const olderThanLatest = indicator.aggregation === 'latest' && before.lastReadingDate !== null && input.date < before.lastReadingDate;
    body = (
      <>
        <dl className="ws-preview-facts">
          {/* A cumulative reading adds to the total: what is saved is said apart from where the total goes. */}
          {indicator.aggregation === 'cumulative' && input.value !== undefined && (
            <div>
              <dt>{t('workspace.preview.amountLabel')}</dt>
              <dd data-preview="amount">{formatValue(input.value, Math.max(indicator.decimals, fractionDigits(input.value)), indicator.unit, lang)}</dd>
            </div>
          )}
          <div>
            <dt>{t('workspace.preview.valueLabel')}</dt>
            <dd>
              <span>{currentText(indicator, before, lang) ?? noData}</span> <Becomes />{' '}
              <strong data-preview="value">{currentText(indicator, after, lang) ?? noData}</strong>
            </dd>
          </div>
          <div>
            <dt>{t('workspace.preview.statusLabel')}</dt>
            <dd>
              <StatusOf progress={before} /> <Becomes /> <StatusOf progress={after} />
            </dd>
          </div>
        </dl>
        {olderThanLatest && !input.supersedes && (
          <p className="field-hint">{t('workspace.preview.olderDate', { date: formatDate(before.lastReadingDate!, lang) })}</p>
        )}
      </>
    );
  }

  return (
    <section className="ws-preview" aria-labelledby={headingId}>
      <h3 className="ws-preview-heading" id={headingId}>
        {t('workspace.preview.heading')}
      </h3>
      {body}
    </section>
  );
}
