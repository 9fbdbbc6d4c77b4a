import { useId } from 'react';
import { updateUserRequestSchema, type UpdateUserRequest, type User } from '../../../../shared/api/users';
import { updateUser } from '../../../api/admin';
import { useT } from '../../../i18n';
import { FormActions } from '../../../ui/FormActions';
import { FormError } from '../../../ui/FormError';
import { EmailField } from '../../../ui/EmailField';
import { Field } from '../../../ui/Field';
import { useApiForm } from '../../../ui/useApiForm';
import { userFields } from '../../../components/adminFields';
import { RoleSelect } from './RoleSelect';
import type { UnitNode } from '../../../components/unitTree';
import { UserUnitsField } from './UserUnitsField';

interface Props {
  user: User;
  tree: readonly UnitNode[];
  /** The admin's own account: the role stays, so nobody locks themselves out by a slip. */
  isSelf: boolean;
  /** After a save, or when there was nothing to save. */
  onDone: (saved: boolean) => void;
  onCancel: () => void;
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  const set = new Set(a);
  return a.length === b.length && b.every((id) => set.has(id));
}

/** Display name, role and units of one user; only what changed is sent. */
export function EditUserForm({ user, tree, isSelf, onDone, onCancel }: Props) {
  const t = useT();
  const id = useId();
  const patchOf = (values: { displayName: string; role: string; unitIds: number[]; email: string; receivesReminders: boolean }) => {
    const patch: Record<string, unknown> = {};
    if (values.displayName.trim() !== user.displayName) patch.displayName = values.displayName;
    if (values.role !== user.role) patch.role = values.role;
    if (!sameIds(values.unitIds, user.unitIds)) patch.unitIds = values.unitIds;
    const email = values.email.trim() === '' ? null : values.email.trim();
    if (email !== user.email) patch.email = email;
    if (values.receivesReminders !== user.receivesReminders) patch.receivesReminders = values.receivesReminders;
    return patch as UpdateUserRequest;
  };
  const { form, field, errorOf, submit, busy, formError } = useApiForm({
    schema: updateUserRequestSchema,
    defaultValues: { displayName: user.displayName, role: user.role as string, unitIds: user.unitIds, email: user.email ?? '', receivesReminders: user.receivesReminders },
    messages: userFields,
    toRequest: patchOf,
    unchanged: (values) => Object.keys(patchOf(values)).length === 0,
    onUnchanged: () => onDone(false),
    send: (patch) => updateUser(user.id, patch),
    onDone: () => onDone(true),
  });
  const role = user.role === form.watch('role') ? user.role : (form.watch('role') as User['role']);

  return (
    <form className="admin-form admin-edit" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('admin.users.edit.heading', { name: user.username })}</h3>
      <FormError error={formError} />
      <div className="admin-form-row">
        <Field label={t('admin.users.create.displayName')} autoComplete="off" maxLength={100} required {...field('displayName')} autoFocus />
        {isSelf ? (
          <div className="field">
            <span className="field-label">{t('admin.users.create.role')}</span>
            <span>{t(`admin.role.${role}`)}</span>
            <span className="field-hint">{t('admin.users.edit.selfRole')}</span>
          </div>
        ) : (
          <RoleSelect label={t('admin.users.create.role')} role={role} {...field('role')} />
        )}
      </div>
      <UserUnitsField tree={tree} role={role} selected={form.watch('unitIds')} onChange={(ids) => form.setValue('unitIds', ids)} error={errorOf('unitIds')} />
      <div className="admin-form-row">
        <EmailField {...field('email')} />
        <label className="checkbox">
          <input type="checkbox" {...form.register('receivesReminders')} />
          {t('notifications.email.receives')}
        </label>
      </div>
      <FormActions busy={busy} submit="admin.users.edit.save" submitting="admin.users.edit.saving" onCancel={onCancel} />
    </form>
  );
}
