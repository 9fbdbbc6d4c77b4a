import { useMemo } from 'react';
import type { UnitDetail } from '../../../../shared/api/units';
import { useT } from '../../../i18n';
import { useListEditor } from '../../../ui/useListEditor';
import type { UnitNode } from '../../../components/unitTree';
import { MoveUnitForm } from './MoveUnitForm';
import { UnitNameForm } from './UnitNameForm';

interface Props {
  /** Every unit, merged ones included (for descendants and names). */
  units: readonly UnitDetail[];
  /** The units in use, in tree order. */
  tree: readonly UnitNode[];
  labelledBy: string;
  /** After a rename or a move: what to announce; the list is asked for again. */
  onChanged: (message: string) => void;
}

/** What a unit's row opens, in the order of its buttons; `data-unit-<kind>` finds its button again. */
const EDITORS = ['rename', 'move'] as const;
type Editor = { kind: (typeof EDITORS)[number]; id: number };

interface Branch {
  node: UnitNode;
  children: Branch[];
}

/** The tree order with depths (unitTree) as nested branches, so the lists say the levels. */
function branchesOf(tree: readonly UnitNode[]): Branch[] {
  const roots: Branch[] = [];
  const stack: Branch[] = [];
  for (const node of tree) {
    const branch: Branch = { node, children: [] };
    stack.length = Math.min(stack.length, node.depth);
    const parent = stack[stack.length - 1];
    if (parent && node.depth > 0) parent.children.push(branch);
    else roots.push(branch);
    stack.push(branch);
  }
  return roots;
}

/** The unit tree, indented by level: each unit with its former names, renamed or moved in place. */
export function UnitTreeList({ units, tree, labelledBy, onChanged }: Props) {
  const t = useT();
  const { editor, container, open, close, saved } = useListEditor<Editor, HTMLUListElement>(units, (a, b) => a.kind === b.kind && a.id === b.id);
  const byId = useMemo(() => new Map(units.map((unit) => [unit.id, unit])), [units]);
  const branches = useMemo(() => branchesOf(tree), [tree]);
  const mergedFrom = useMemo(() => {
    const map = new Map<number, string[]>();
    for (const unit of units) {
      if (unit.mergedIntoId === null) continue;
      map.set(unit.mergedIntoId, [...(map.get(unit.mergedIntoId) ?? []), unit.name]);
    }
    return map;
  }, [units]);

  function done(kind: Editor['kind'], unit: UnitDetail) {
    // The unit's button keeps the focus once the new tree is shown (a moved unit changes place).
    saved(`[data-unit-${kind}="${unit.id}"]`);
    if (kind === 'rename') {
      onChanged(t('admin.orgUnits.rename.done', { name: unit.name }));
    } else {
      const parent = unit.parentId === null ? undefined : byId.get(unit.parentId);
      onChanged(parent ? t('admin.orgUnits.move.done', { name: unit.name, parent: parent.name }) : t('admin.orgUnits.move.doneTop', { name: unit.name }));
    }
  }

  function render(branch: Branch) {
    const unit = byId.get(branch.node.unit.id);
    if (!unit) return null;
    const former = unit.formerNames.map((entry) => entry.name);
    const absorbed = mergedFrom.get(unit.id) ?? [];
    const renaming = editor?.kind === 'rename' && editor.id === unit.id;
    const moving = editor?.kind === 'move' && editor.id === unit.id;
    return (
      <li key={unit.id} data-unit-id={unit.id}>
        <div className="unit-tree-row">
          <div>
            <span className="unit-tree-name">{unit.name}</span>
            {former.length > 0 && <span className="unit-former"> ({t('admin.orgUnits.tree.formerNames', { names: former.join(', ') })})</span>}
            {absorbed.length > 0 && <span className="unit-former"> ({t('admin.orgUnits.tree.mergedFrom', { names: absorbed.join(', ') })})</span>}
          </div>
          <div className="screen-actions">
            {EDITORS.map((kind) => (
              <button
                key={kind}
                type="button"
                className="button button-small"
                {...{ [`data-unit-${kind}`]: unit.id }}
                onClick={(event) => open({ kind, id: unit.id }, event)}
                aria-expanded={editor?.kind === kind && editor.id === unit.id}
                aria-label={t(`admin.orgUnits.${kind}.openLabel`, { name: unit.name })}
              >
                {t(`admin.orgUnits.${kind}.open`)}
              </button>
            ))}
          </div>
        </div>
        {(renaming || moving) && (
          <div className="unit-tree-editor">
            {renaming ? (
              <UnitNameForm unit={unit} onDone={(saved) => done('rename', saved)} onCancel={close} />
            ) : (
              <MoveUnitForm unit={unit} units={units} tree={tree} onDone={(saved) => done('move', saved)} onCancel={close} />
            )}
          </div>
        )}
        {branch.children.length > 0 && <ul className="unit-tree-children">{branch.children.map(render)}</ul>}
      </li>
    );
  }

  return (
    <ul className="unit-tree" ref={container} aria-labelledby={labelledBy}>
      {branches.map(render)}
    </ul>
  );
}
