import type { UnitDetail } from '../../shared/api/units';
import { PATH_SEPARATOR, unitTree, type UnitNode } from './unitTree';
import type { SelectOption } from '../ui/Field';

/** The units still in use: merged ones are history, never chosen again. */
export function activeUnits(units: readonly UnitDetail[]): UnitDetail[] {
  return units.filter((unit) => unit.mergedIntoId === null);
}

/** The tree of the units in use, in tree order. */
export function activeTree(units: readonly UnitDetail[]): UnitNode[] {
  return unitTree(activeUnits(units));
}

/** Units as choices of a select, each by its full path ("Đảng ủy › Chi bộ 1"), in tree order. */
export function unitOptions(tree: readonly UnitNode[], exclude: ReadonlySet<number> = new Set()): SelectOption[] {
  return tree.filter((node) => !exclude.has(node.unit.id)).map((node) => ({ value: String(node.unit.id), label: node.path.join(PATH_SEPARATOR) }));
}

/** A unit and every unit below it, by id. */
export function withDescendants(units: readonly UnitDetail[], rootId: number): Set<number> {
  const below = new Set<number>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId !== null && below.has(unit.parentId) && !below.has(unit.id)) {
        below.add(unit.id);
        grew = true;
      }
    }
  }
  return below;
}

/** True when `unitId` lies strictly below `ancestorId`. */
export function isBelow(units: readonly UnitDetail[], unitId: number, ancestorId: number): boolean {
  return unitId !== ancestorId && withDescendants(units, ancestorId).has(unitId);
}
