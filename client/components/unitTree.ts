import type { Unit } from '../../shared/api/users';

export interface UnitNode {
  unit: Unit;
  /** 0 for a top unit, 1 for its children … */
  depth: number;
  /** Names from the top unit down to this one. */
  path: readonly string[];
}

/** How a unit's path is written in lists and tables: "Đảng ủy › Chi bộ 1". */
export const PATH_SEPARATOR = ' › ';

/**
 * The units in tree order (each followed by its children, siblings in the order they were
 * created, which is the order the office set them up in). A unit whose parent is missing, or
 * that sits in a loop of parents, is treated as a top unit rather than lost.
 */
export function unitTree(units: readonly Unit[]): UnitNode[] {
  const ids = new Set(units.map((unit) => unit.id));
  const children = new Map<number | null, Unit[]>();
  for (const unit of [...units].sort((a, b) => a.id - b.id)) {
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    const siblings = children.get(parent) ?? [];
    siblings.push(unit);
    children.set(parent, siblings);
  }
  const ordered: UnitNode[] = [];
  const visited = new Set<number>();
  const visit = (unit: Unit, depth: number, parentPath: readonly string[]) => {
    if (visited.has(unit.id)) return;
    visited.add(unit.id);
    const path = [...parentPath, unit.name];
    ordered.push({ unit, depth, path });
    for (const child of children.get(unit.id) ?? []) visit(child, depth + 1, path);
  };
  for (const root of children.get(null) ?? []) visit(root, 0, []);
  // Whatever a loop of parents kept out of reach.
  for (const unit of units) visit(unit, 0, []);
  return ordered;
}

/** Unit id → its path as text, for tables. */
export function unitPaths(tree: readonly UnitNode[]): Map<number, string> {
  return new Map(tree.map((node) => [node.unit.id, node.path.join(PATH_SEPARATOR)]));
}
