import { useId, type MouseEvent } from 'react';
import type { BoardGroup, BoardIndicator } from '../../../../shared/api/board';
import { archiveIndicator } from '../../../api/plan';
import { targetText } from './targetText';
import { useLang, useT } from '../../../i18n';
import type { UnitNode } from '../../../components/unitTree';
import { ConfirmButton } from '../../../ui/Dialog';
import { EditorRow } from '../../../ui/RowEditor';
import { IndicatorForm, type IndicatorSaved } from './IndicatorForm';

export const INDICATOR_COLUMNS = 6;

interface Props {
  indicator: BoardIndicator;
  termId: number;
  termStart: string;
  groups: readonly BoardGroup[];
  units: readonly UnitNode[];
  /** A closed term: shown, not changed. */
  readOnly: boolean;
  /** This row's form is the one open. */
  editing: boolean;
  onEdit: (event: MouseEvent<HTMLButtonElement>) => void;
  onSaved: (saved: IndicatorSaved) => void;
  onCancel: () => void;
  /** After the indicator was archived (the row is gone with the next board). */
  onArchived: () => void;
}

/** One indicator of a group: code, name, owner, measure, target; edit in place, archive after a confirmation. */
export function IndicatorRow({ indicator, termId, termStart, groups, units, readOnly, editing, onEdit, onSaved, onCancel, onArchived }: Props) {
  const t = useT();
  const lang = useLang();
  const id = useId();
  const { code } = indicator;

  return (
    <>
      <tr className="admin-row" data-indicator-id={indicator.id}>
        <th scope="row" className="admin-mono plan-code">
          {code}
        </th>
        <td>
          <span className="screen-name">{indicator.name}</span>
          {indicator.description && <span className="screen-sub">{indicator.description}</span>}
        </td>
        <td>{indicator.ownerUnit.name}</td>
        <td>
          {t(`admin.plan.indicator.measureName.${indicator.measure}`)}
          <span className="screen-sub">{t(`admin.plan.indicator.aggregationName.${indicator.aggregation}`)}</span>
        </td>
        <td className="plan-number">
          {targetText(indicator, lang)}
          <span className="screen-sub">{t(`admin.plan.indicator.directionName.${indicator.direction}`)}</span>
        </td>
        <td>
          {!readOnly && (
            <div className="screen-actions">
              <button
                type="button"
                className="button button-small"
                data-edit={indicator.id}
                onClick={onEdit}
                aria-expanded={editing}
                aria-controls={editing ? `${id}-edit` : undefined}
                aria-label={t('admin.plan.indicator.editLabel', { code })}
              >
                {t('admin.plan.indicator.edit')}
              </button>
              <ConfirmButton messages="admin.plan.indicator.archive" params={{ code, name: indicator.name }} onConfirm={() => archiveIndicator(indicator.id)} onDone={onArchived} />
            </div>
          )}
        </td>
      </tr>
      {editing && (
        <EditorRow id={`${id}-edit`} columns={INDICATOR_COLUMNS}>
          <IndicatorForm termId={termId} termStart={termStart} groups={groups} units={units} indicator={indicator} onSaved={onSaved} onCancel={onCancel} />
        </EditorRow>
      )}
    </>
  );
}
