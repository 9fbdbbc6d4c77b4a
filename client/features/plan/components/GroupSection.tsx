import { useId, type MouseEvent } from 'react';
import type { BoardGroup, BoardIndicator } from '../../../../shared/api/board';
import { useT, type MessageKey } from '../../../i18n';
import type { UnitNode } from '../../../components/unitTree';
import { DataTable } from '../../../ui/DataTable';
import type { PlanEditor } from './CurrentPlan';
import { GroupNameForm } from './GroupNameForm';
import type { IndicatorSaved } from './IndicatorForm';
import { IndicatorRow } from './IndicatorRow';

/** A group's page moves one place up or down (never past the first or the last). */
const MOVES = [
  { way: 'up', step: -1, arrow: '↑' },
  { way: 'down', step: 1, arrow: '↓' },
] as const;

interface Props {
  group: BoardGroup;
  /** 1 for the first page. */
  position: number;
  last: boolean;
  indicators: readonly BoardIndicator[];
  readOnly: boolean;
  editor: PlanEditor | null;
  formProps: { termId: number; termStart: string; groups: readonly BoardGroup[]; units: readonly UnitNode[] };
  onOpen: (editor: PlanEditor, event: MouseEvent<HTMLElement>) => void;
  onClose: () => void;
  onRenamed: (name: string) => void;
  onMove: (delta: -1 | 1) => void;
  onIndicatorSaved: (saved: IndicatorSaved) => void;
  onArchived: (code: string) => void;
}

const COLUMNS: readonly MessageKey[] = [
  'admin.plan.list.code',
  'admin.plan.list.name',
  'admin.plan.list.owner',
  'admin.plan.list.measure',
  'admin.plan.list.target',
  'admin.plan.list.actions',
];

/** One group (one page of the screens): its name and place, and its indicators in a table. */
export function GroupSection({ group, position, last, indicators, readOnly, editor, formProps, onOpen, onClose, onRenamed, onMove, onIndicatorSaved, onArchived }: Props) {
  const t = useT();
  const id = useId();
  const renaming = editor?.kind === 'renameGroup' && editor.id === group.id;
  const name = group.name;

  return (
    <section className="plan-group" aria-labelledby={`${id}-heading`}>
      <div className="plan-group-heading">
        <div>
          <h3 id={`${id}-heading`} tabIndex={-1} data-group-heading={group.id}>
            {name}
          </h3>
          <span className="screen-sub">
            {t('admin.plan.groups.position', { position })} · {t('admin.plan.current.count', { count: indicators.length })}
          </span>
        </div>
        {!readOnly && (
          <div className="screen-actions">
            <button
              type="button"
              className="button button-small"
              data-rename={group.id}
              onClick={(event) => onOpen({ kind: 'renameGroup', id: group.id }, event)}
              aria-expanded={renaming}
              aria-label={t('admin.plan.groups.renameLabel', { name })}
            >
              {t('admin.plan.groups.rename')}
            </button>
            {MOVES.map(({ way, step, arrow }) => (
              <button
                key={way}
                type="button"
                className="button button-small"
                data-move={`${group.id}-${way}`}
                onClick={() => onMove(step)}
                disabled={step < 0 ? position === 1 : last}
                aria-label={t(`admin.plan.groups.${way}Label`, { name })}
              >
                <span aria-hidden="true">{arrow} </span>
                {t(`admin.plan.groups.${way}`)}
              </button>
            ))}
          </div>
        )}
      </div>
      {renaming && <GroupNameForm termId={formProps.termId} group={group} onDone={onRenamed} onCancel={onClose} />}
      {indicators.length === 0 ? (
        <p className="screen-muted">{t('admin.plan.groups.empty')}</p>
      ) : (
        <DataTable captionId={`${id}-heading`} className="screens-table admin-table plan-indicators" columns={COLUMNS}>
          {indicators.map((indicator) => (
            <IndicatorRow
              key={indicator.id}
              indicator={indicator}
              {...formProps}
              readOnly={readOnly}
              editing={editor?.kind === 'editIndicator' && editor.id === indicator.id}
              onEdit={(event) => onOpen({ kind: 'editIndicator', id: indicator.id }, event)}
              onSaved={onIndicatorSaved}
              onCancel={onClose}
              onArchived={() => onArchived(indicator.code)}
            />
          ))}
        </DataTable>
      )}
    </section>
  );
}
