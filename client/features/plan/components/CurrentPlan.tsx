import { useId, useMemo, useState } from 'react';
import type { Board, BoardGroup, BoardIndicator } from '../../../../shared/api/board';
import { asApiError } from '../../../api/http';
import { orderGroups } from '../../../api/plan';
import { useT, type MessageKey } from '../../../i18n';
import { useListEditor } from '../../../ui/useListEditor';
import type { UnitNode } from '../../../components/unitTree';
import { FormError } from '../../../ui/FormError';
import { GroupSection } from './GroupSection';
import { GroupNameForm } from './GroupNameForm';
import { IndicatorForm, type IndicatorSaved } from './IndicatorForm';

/** The one form open on the plan at a time: a second would repeat the same labels and buttons. */
export type PlanEditor =
  | { kind: 'createIndicator' }
  | { kind: 'editIndicator'; id: number }
  | { kind: 'createGroup' }
  | { kind: 'renameGroup'; id: number };

interface Props {
  board: Board;
  /** The units in use, in tree order: owner units to choose from. */
  units: readonly UnitNode[];
  /** After any change: the board is asked for again. */
  onChanged: () => void;
  onAnnounce: (message: string) => void;
}

function byOrder<T extends { displayOrder: number; id: number }>(a: T, b: T): number {
  return a.displayOrder - b.displayOrder || a.id - b.id;
}

/**
 * The current term's plan from its board: groups in page order (create, rename, move up and
 * down), each with its indicators (add, edit every field, archive). A closed term is shown only.
 */
export function CurrentPlan({ board, units, onChanged, onAnnounce }: Props) {
  const t = useT();
  const id = useId();
  // After a change, what takes the focus once the next board is shown (a moved group's button, a saved row).
  const { editor, container, open, close, saved } = useListEditor<PlanEditor, HTMLDivElement>(board, (a, b) => JSON.stringify(a) === JSON.stringify(b));
  const [moving, setMoving] = useState(false);
  const [moveError, setMoveError] = useState<MessageKey | null>(null);
  const readOnly = board.term.closed;

  const groups = useMemo(() => [...board.groups].sort(byOrder), [board.groups]);
  const indicatorsOf = useMemo(() => {
    const map = new Map<number, BoardIndicator[]>();
    for (const indicator of [...board.indicators].sort(byOrder)) {
      const list = map.get(indicator.groupId) ?? [];
      list.push(indicator);
      map.set(indicator.groupId, list);
    }
    return map;
  }, [board.indicators]);

  function afterChange(message: string, focus: string | null) {
    saved(focus);
    onAnnounce(message);
    onChanged();
  }

  function indicatorSaved(saved: IndicatorSaved) {
    if (saved.kind === 'unchanged') {
      onAnnounce(t('admin.plan.indicator.unchanged'));
      close();
      return;
    }
    const message = t(saved.kind === 'created' ? 'admin.plan.indicator.created' : 'admin.plan.indicator.saved', { code: saved.indicator.code });
    afterChange(message, `[data-edit="${saved.indicator.id}"]`);
  }

  async function move(group: BoardGroup, delta: -1 | 1) {
    if (moving) return;
    const ids = groups.map((g) => g.id);
    const from = ids.indexOf(group.id);
    const to = from + delta;
    if (to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    setMoving(true);
    setMoveError(null);
    try {
      await orderGroups(board.term.id, ids);
      // The same button keeps the focus, unless the group reached an end: then the other one.
      const direction = to === 0 ? 'down' : to === ids.length - 1 ? 'up' : delta < 0 ? 'up' : 'down';
      afterChange(t('admin.plan.groups.moved', { name: group.name, position: to + 1 }), `[data-move="${group.id}-${direction}"]`);
    } catch (caught) {
      setMoveError(`errors.${asApiError(caught).code}`);
    } finally {
      setMoving(false);
    }
  }

  const formProps = { termId: board.term.id, termStart: board.term.start, groups, units } as const;

  return (
    <div className="plan-current" ref={container}>
      {readOnly && <p className="notice">{t('admin.plan.current.closedNote')}</p>}
      {!readOnly && (
        <div className="plan-toolbar">
          <button
            type="button"
            className="button button-primary"
            onClick={(event) => open({ kind: 'createIndicator' }, event)}
            aria-expanded={editor?.kind === 'createIndicator'}
            aria-controls={editor?.kind === 'createIndicator' ? `${id}-editor` : undefined}
            disabled={groups.length === 0}
          >
            {t('admin.plan.indicator.add')}
          </button>
          <button
            type="button"
            className="button"
            onClick={(event) => open({ kind: 'createGroup' }, event)}
            aria-expanded={editor?.kind === 'createGroup'}
            aria-controls={editor?.kind === 'createGroup' ? `${id}-editor` : undefined}
          >
            {t('admin.plan.groups.add')}
          </button>
        </div>
      )}
      {(editor?.kind === 'createIndicator' || editor?.kind === 'createGroup') && (
        <div className="plan-editor" id={`${id}-editor`}>
          {editor.kind === 'createIndicator' ? (
            <IndicatorForm {...formProps} onSaved={indicatorSaved} onCancel={close} />
          ) : (
            <GroupNameForm
              termId={board.term.id}
              onDone={(name) => afterChange(t('admin.plan.groups.created', { name }), null)}
              onCancel={close}
            />
          )}
        </div>
      )}
      <FormError error={moveError} />
      {groups.length === 0 && <p className="notice">{t('admin.plan.current.noGroups')}</p>}
      {groups.map((group, index) => (
        <GroupSection
          key={group.id}
          group={group}
          position={index + 1}
          last={index === groups.length - 1}
          indicators={indicatorsOf.get(group.id) ?? []}
          readOnly={readOnly}
          editor={editor}
          formProps={formProps}
          onOpen={open}
          onClose={close}
          onRenamed={(name) => afterChange(t('admin.plan.groups.renamed', { name }), `[data-rename="${group.id}"]`)}
          onMove={(delta) => move(group, delta)}
          onIndicatorSaved={indicatorSaved}
          onArchived={(code) => afterChange(t('admin.plan.indicator.archive.done', { code }), `[data-group-heading="${group.id}"]`)}
        />
      ))}
    </div>
  );
}
