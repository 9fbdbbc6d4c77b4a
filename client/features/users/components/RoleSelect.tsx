import { useId } from 'react';
import { ROLES, type Role } from '../../../../shared/api/session';
import { useT, type MessageKey } from '../../../i18n';
import { describedBy } from '../../../ui/fieldErrors';

interface Props {
  label: string;
  value: Role;
  onChange: (role: Role) => void;
  error?: MessageKey | undefined;
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The three roles by their Vietnamese names, with what the chosen one may do beneath. */
export function RoleSelect({ label, value, onChange, error }: Props) {
  const t = useT();
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => {
          if (isRole(event.target.value)) onChange(event.target.value);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, error && `${id}-error`)}
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`admin.role.${role}`)}
          </option>
        ))}
      </select>
      <span className="field-hint" id={`${id}-hint`}>
        {t(`admin.roleHint.${value}`)}
      </span>
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {t(error)}
        </span>
      )}
    </div>
  );
}
