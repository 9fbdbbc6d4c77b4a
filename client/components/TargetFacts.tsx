import type { BoardIndicator } from '../../shared/api/board';
import { useLang, useT } from '../i18n';
import { amountText } from './indicatorText';

/**
 * The target (worded by its direction: at least, at most, keep) and the value the term's pace
 * expects by now: two entries of the description list the caller lays out.
 */
export function TargetFacts({ indicator }: { indicator: BoardIndicator }) {
  const t = useT();
  const lang = useLang();
  return (
    <>
      <div>
        <dt>{t(`indicator.target.${indicator.direction}`)}</dt>
        <dd>{amountText(indicator, indicator.target, lang)}</dd>
      </div>
      <div>
        <dt>{t('indicator.expected')}</dt>
        <dd>{amountText(indicator, indicator.expected, lang)}</dd>
      </div>
    </>
  );
}
