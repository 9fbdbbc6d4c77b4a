import type { Role } from '../../../../shared/api/session';
import { createUserRequestSchema, PASSWORD_MIN, type User } from '../../../../shared/api/users';
import { createUser } from '../../../api/admin';
import { userFields } from '../../../components/adminFields';
import type { UnitNode } from '../../../components/unitTree';
import { useT } from '../../../i18n';
import { EmailField } from '../../../ui/EmailField';
import { Field, NameField } from '../../../ui/Field';
import { FormActions } from '../../../ui/FormActions';
import { ApiForm } from '../../../ui/ApiForm';
import { useApiForm } from '../../../ui/useApiForm';
import { RoleSelect } from './RoleSelect';
import { UserUnitsField } from './UserUnitsField';

interface Props {
  tree: readonly UnitNode[];
  onCreated: (user: User) => void;
}

const EMPTY = { username: '', displayName: '', password: '', role: 'editor' as Role, unitIds: [] as number[], email: '' };

/** A new account: checked with the shared schema first; a taken user name is said beside it. */
export function CreateUserForm({ tree, onCreated }: Props) {
  const t = useT();
  const { form, field, errorOf, submit, busy, formError } = useApiForm({
    schema: createUserRequestSchema,
    defaultValues: EMPTY,
    messages: userFields,
    toRequest: ({ email, ...rest }) => ({ ...rest, email: email.trim() === '' ? null : email }),
    send: createUser,
    onDone: (user) => {
      form.reset(EMPTY);
      onCreated(user);
    },
    // The only unique field of a new user: its name is taken.
    refused: (error) => (error.code === 'conflict' ? { username: 'admin.users.field.username.taken' } : null),
  });
  const role = form.watch('role');

  return (
    <ApiForm onSubmit={submit} error={formError}>
      <div className="admin-form-row">
        <NameField code autoCapitalize="none" label={t('admin.users.create.username')} maxLength={50} hint={t('admin.users.create.usernameHint')} {...field('username')} />
        <NameField label={t('admin.users.create.displayName')} maxLength={100} {...field('displayName')} />
        <Field
          label={t('admin.users.create.password')}
          type="password"
          autoComplete="new-password"
          maxLength={200}
          required
          hint={t('admin.users.create.passwordHint', { min: PASSWORD_MIN })}
          {...field('password')}
        />
        <RoleSelect label={t('admin.users.create.role')} role={role} {...field('role')} />
        <EmailField {...field('email')} />
      </div>
      <UserUnitsField tree={tree} role={role} selected={form.watch('unitIds')} onChange={(ids) => form.setValue('unitIds', ids)} error={errorOf('unitIds')} />
      <FormActions busy={busy} submit="admin.users.create.submit" submitting="admin.users.create.submitting" />
    </ApiForm>
  );
}
