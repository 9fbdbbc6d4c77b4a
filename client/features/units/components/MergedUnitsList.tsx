import type { UnitDetail } from '../../../../shared/api/units';
import { useT } from '../../../i18n';

interface Props {
  units: readonly UnitDetail[];
  labelledBy: string;
}

/**
 * The units merged away, as history: each with the unit it became. A chain (A into B, B into C)
 * shows each step, as it happened.
 */
export function MergedUnitsList({ units, labelledBy }: Props) {
  const t = useT();
  const names = new Map(units.map((unit) => [unit.id, unit.name]));
  const merged = units.filter((unit) => unit.mergedIntoId !== null);
  return (
    <ul className="unit-history" aria-labelledby={labelledBy}>
      {merged.map((unit) => (
        <li key={unit.id} data-unit-id={unit.id}>
          <span className="unit-history-name">{unit.name}</span>{' '}
          <span>{t('admin.orgUnits.history.mergedInto', { name: names.get(unit.mergedIntoId!) ?? t('admin.units.unknown', { id: unit.mergedIntoId! }) })}</span>
          {unit.formerNames.length > 0 && (
            <span className="unit-former"> ({t('admin.orgUnits.tree.formerNames', { names: unit.formerNames.map((entry) => entry.name).join(', ') })})</span>
          )}
        </li>
      ))}
    </ul>
  );
}
