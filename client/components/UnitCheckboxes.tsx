import { useId } from 'react';
import { useT, type MessageKey } from '../i18n';
import { describedBy } from '../ui/fieldErrors';
import { PATH_SEPARATOR, type UnitNode } from './unitTree';

interface Props {
  legend: string;
  hint?: string;
  tree: readonly UnitNode[];
  selected: readonly number[];
  onChange: (unitIds: number[]) => void;
  error?: MessageKey | undefined;
  /** Another message to tie to the group (a shared "choose at least one" note). */
  extraDescribedBy?: string;
  disabled?: boolean;
}

/** Deepest indentation drawn; deeper units stay at this step (their path is in the label). */
const MAX_DEPTH = 5;

/**
 * Units chosen with checkboxes, in tree order and indented by depth. A fieldset, so the legend
 * is read with the boxes; the full path shows on hover.
 */
export function UnitCheckboxes({ legend, hint, tree, selected, onChange, error, extraDescribedBy, disabled = false }: Props) {
  const t = useT();
  const id = useId();
  const chosen = new Set(selected);

  function toggle(unitId: number, checked: boolean) {
    // Kept in tree order, so what is sent reads like what is shown.
    onChange(tree.map((node) => node.unit.id).filter((other) => (other === unitId ? checked : chosen.has(other))));
  }

  return (
    <fieldset
      className="checkbox-group"
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`, extraDescribedBy)}
      disabled={disabled}
    >
      <legend className="field-label">{legend}</legend>
      {hint && (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {tree.length === 0 ? (
        <p className="screen-muted">{t('admin.units.none')}</p>
      ) : (
        <ul className="checkbox-list unit-list">
          {tree.map((node) => (
            <li key={node.unit.id} data-depth={Math.min(node.depth, MAX_DEPTH)}>
              <label className="checkbox" title={node.path.join(PATH_SEPARATOR)}>
                <input
                  type="checkbox"
                  checked={chosen.has(node.unit.id)}
                  onChange={(event) => toggle(node.unit.id, event.target.checked)}
                />
                <span>{node.unit.name}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {t(error)}
        </span>
      )}
    </fieldset>
  );
}
