import type { BoardIndicator } from '../../../../shared/api/board';
import { formatDate } from '../../../format';
import { useLang, useT, type MessageKey } from '../../../i18n';
import { TableHead } from '../../../ui/DataTable';
import { StatusBadges } from '../../../components/StatusBadge';
import { AppLink } from '../../../components/AppLink';
import type { IndicatorGroup } from './indicatorGroups';
import { indicatorHistoryPath } from '../../../paths/workspace';
import { currentText } from '../../../components/valueTexts';

interface Props {
  group: IndicatorGroup;
  selectedId: number | null;
  /** Id of the form a row's button opens (for aria-controls). */
  formId: string;
  onSelect: (indicator: BoardIndicator) => void;
}

function IndicatorRow({ indicator, selected, formId, onSelect }: { indicator: BoardIndicator; selected: boolean; formId: string; onSelect: () => void }) {
  const t = useT();
  const lang = useLang();
  return (
    <tr className={selected ? 'ws-row is-selected' : 'ws-row'} data-indicator={indicator.code}>
      <td className="ws-code">{indicator.code}</td>
      <th scope="row">
        <span className="screen-name">{indicator.name}</span>
        <span className="screen-sub">{indicator.ownerUnit.name}</span>
      </th>
      <td className="ws-value">{currentText(indicator, indicator, lang) ?? <span className="screen-muted">{t('indicator.noReading')}</span>}</td>
      <td>
        <div className="card-badges">
          <StatusBadges of={indicator} />
        </div>
      </td>
      <td className="ws-nowrap">
        {indicator.lastReadingDate ? formatDate(indicator.lastReadingDate, lang) : <span className="screen-muted">—</span>}
      </td>
      <td className="ws-actions">
        <button
          type="button"
          className={selected ? 'button button-small button-primary' : 'button button-small'}
          onClick={onSelect}
          aria-pressed={selected}
          aria-controls={selected ? formId : undefined}
          aria-label={t('workspace.list.selectLabel', { name: indicator.name })}
        >
          {t('workspace.list.select')}
        </button>
        <AppLink
          to={indicatorHistoryPath(indicator.id)}
          className="button button-small button-quiet"
          aria-label={t('workspace.list.historyLabel', { name: indicator.name })}
        >
          {t('workspace.list.history')}
        </AppLink>
      </td>
    </tr>
  );
}

const COLUMNS: readonly MessageKey[] = ['workspace.list.code', 'workspace.list.name', 'workspace.list.current', 'workspace.list.status', 'workspace.list.lastReading'];

/** One board group's indicators, as a table: value, status, overdue, latest reading, actions. */
export function IndicatorTable({ group, selectedId, formId, onSelect }: Props) {
  const t = useT();
  return (
    <section className="ws-group" aria-labelledby={`${group.key}-heading`}>
      <h2 id={`${group.key}-heading`}>{group.name}</h2>
      <div className="table-scroll">
        <table className="ws-table" aria-labelledby={`${group.key}-heading`}>
          <TableHead columns={COLUMNS} actions="workspace.list.actions" />
          <tbody>
            {group.indicators.map((indicator) => (
              <IndicatorRow
                key={indicator.id}
                indicator={indicator}
                selected={indicator.id === selectedId}
                formId={formId}
                onSelect={() => onSelect(indicator)}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
