import { useState, type FormEvent } from 'react';
import type { Role } from '../../../../shared/api/session';
import { createUserRequestSchema, PASSWORD_MIN, type User } from '../../../../shared/api/users';
import { createUser } from '../../../api/admin';
import { useT } from '../../../i18n';
import { FormError } from '../../../ui/FormError';
import { EmailField } from '../../../ui/EmailField';
import { Field } from '../../../ui/Field';
import { useCheckedSubmit } from '../../../ui/useCheckedSubmit';
import { userFields } from '../../../components/adminFields';
import { RoleSelect } from './RoleSelect';
import type { UnitNode } from '../../../components/unitTree';
import { UserUnitsField } from './UserUnitsField';

interface Props {
  tree: readonly UnitNode[];
  onCreated: (user: User) => void;
}

const EMPTY = { username: '', displayName: '', password: '', role: 'editor' as Role, unitIds: [] as number[], email: '' };

/** A new account: checked with the shared schema first; a taken user name is said beside it. */
export function CreateUserForm({ tree, onCreated }: Props) {
  const t = useT();
  const [form, setForm] = useState(EMPTY);
  const { busy: creating, fieldErrors, formError, submit } = useCheckedSubmit(userFields);

  const set = <K extends keyof typeof EMPTY>(key: K) => (value: (typeof EMPTY)[K]) => setForm((previous) => ({ ...previous, [key]: value }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (creating) return;
    await submit(
      createUserRequestSchema.safeParse({ ...form, email: form.email.trim() === '' ? null : form.email }),
      async (data) => {
        const user = await createUser(data);
        setForm(EMPTY);
        onCreated(user);
      },
      // The only unique field of a new user: its name is taken.
      (error) => (error.code === 'conflict' ? { username: 'admin.users.field.username.taken' } : null),
    );
  }

  return (
    <form className="admin-form" onSubmit={onSubmit} noValidate>
      <FormError error={formError} />
      <div className="admin-form-row">
        <Field
          label={t('admin.users.create.username')}
          name="username"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={50}
          required
          value={form.username}
          onValueChange={set('username')}
          hint={t('admin.users.create.usernameHint')}
          error={fieldErrors.username}
        />
        <Field
          label={t('admin.users.create.displayName')}
          name="displayName"
          autoComplete="off"
          maxLength={100}
          required
          value={form.displayName}
          onValueChange={set('displayName')}
          error={fieldErrors.displayName}
        />
        <Field
          label={t('admin.users.create.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          maxLength={200}
          required
          value={form.password}
          onValueChange={set('password')}
          hint={t('admin.users.create.passwordHint', { min: PASSWORD_MIN })}
          error={fieldErrors.password}
        />
        <RoleSelect label={t('admin.users.create.role')} value={form.role} onChange={set('role')} error={fieldErrors.role} />
        <EmailField value={form.email} onValueChange={set('email')} error={fieldErrors.email} />
      </div>
      <UserUnitsField tree={tree} role={form.role} selected={form.unitIds} onChange={set('unitIds')} error={fieldErrors.unitIds} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={creating}>
          {creating ? t('admin.users.create.submitting') : t('admin.users.create.submit')}
        </button>
      </div>
    </form>
  );
}
