import { useT } from '../../i18n';

/**
 * What the marks mean, once per page rather than on every card: the bar's fill and its marker
 * (`bar`), or the chart's two lines and the bar's marker (`chart`).
 */
export function TrendLegend({ kind }: { kind: 'bar' | 'chart' }) {
  const t = useT();
  return (
    <ul className="legend">
      {kind === 'chart' ? (
        <>
          <li>
            <span className="legend-line legend-actual" aria-hidden="true" />
            {t('display.legendActual')}
          </li>
          <li>
            <span className="legend-line legend-plan" aria-hidden="true" />
            {t('display.legendExpected')}
          </li>
        </>
      ) : (
        <li>
          <span className="legend-fill" aria-hidden="true" />
          {t('display.legendActual')}
        </li>
      )}
      <li>
        <span className="legend-marker" aria-hidden="true" />
        {t('display.legendMarker')}
      </li>
    </ul>
  );
}
