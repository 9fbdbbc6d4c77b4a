import type { ComponentProps } from 'react';
import { ROLES, type Role } from '../../../../shared/api/session';
import { useT } from '../../../i18n';
import { SelectField } from '../../../ui/Field';

type Props = Omit<ComponentProps<typeof SelectField>, 'options' | 'hint'> & {
  /** The role chosen now: what it may do is said beneath. */
  role: Role;
};

/** The three roles by their Vietnamese names, with what the chosen one may do beneath. */
export function RoleSelect({ role, ...props }: Props) {
  const t = useT();
  return <SelectField {...props} options={ROLES.map((value) => ({ value, label: t(`admin.role.${value}`) }))} hint={t(`admin.roleHint.${role}`)} />;
}
