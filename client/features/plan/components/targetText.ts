import type { BoardIndicator } from '../../../../shared/api/board';
import { formatValue } from '../../../format';
import type { Lang } from '../../../i18n';

/** An indicator's term target as people read it: a ratio's target is a percentage, whatever its unit says. */
export function targetText(indicator: Pick<BoardIndicator, 'target' | 'decimals' | 'unit' | 'measure'>, lang: Lang): string {
  return formatValue(indicator.target, indicator.decimals, indicator.measure === 'ratio' ? '%' : indicator.unit, lang);
}
