import type { Role } from '../../../../shared/api/session';
import { createUserRequestSchema, PASSWORD_MIN, type User } from '../../../../shared/api/users';
import { createUser } from '../../../api/admin';
import { userFields } from '../../../components/adminFields';
import type { UnitNode } from '../../../components/unitTree';
import { useT } from '../../../i18n';
import { EmailField } from '../../../ui/EmailField';
import { Field } from '../../../ui/Field';
import { FormActions } from '../../../ui/FormActions';
import { FormError } from '../../../ui/FormError';
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
    <form className="admin-form" onSubmit={submit} noValidate>
      <FormError error={formError} />
      <div className="admin-form-row">
        <Field
          label={t('admin.users.create.username')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={50}
          required
          hint={t('admin.users.create.usernameHint')}
          {...field('username')}
        />
        <Field label={t('admin.users.create.displayName')} autoComplete="off" maxLength={100} required {...field('displayName')} />
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
    </form>
  );
}
