import { useId } from 'react';
import type { Role } from '../../../../shared/api/session';
import { useT, type MessageKey } from '../../../i18n';
import { UnitCheckboxes } from '../../../components/UnitCheckboxes';
import type { UnitNode } from '../../../components/unitTree';

interface Props {
  tree: readonly UnitNode[];
  /** The role chosen in the form: an editor without units is warned about. */
  role: Role;
  selected: readonly number[];
  onChange: (unitIds: number[]) => void;
  error?: MessageKey | undefined;
}

/** The units a user answers for, with a warning tied to them when an editor would have none. */
export function UserUnitsField({ tree, role, selected, onChange, error }: Props) {
  const t = useT();
  const id = useId();
  const editorWithoutUnits = role === 'editor' && selected.length === 0;
  return (
    <>
      <UnitCheckboxes
        legend={t('admin.users.create.units')}
        hint={t('admin.users.create.unitsHint')}
        tree={tree}
        selected={selected}
        onChange={onChange}
        error={error}
        extraDescribedBy={editorWithoutUnits ? `${id}-warning` : undefined}
      />
      {editorWithoutUnits && (
        <p className="field-warning" id={`${id}-warning`}>
          {t('admin.users.editorWithoutUnits')}
        </p>
      )}
    </>
  );
}
