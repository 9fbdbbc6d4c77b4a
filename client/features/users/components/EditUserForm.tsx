import { useId, useState, type FormEvent } from 'react';
import { updateUserRequestSchema, type UpdateUserRequest, type User } from '../../../../shared/api/users';
import { updateUser } from '../../../api/admin';
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
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState(user.role);
  const [unitIds, setUnitIds] = useState<number[]>(user.unitIds);
  const [email, setEmail] = useState(user.email ?? '');
  const [receivesReminders, setReceivesReminders] = useState(user.receivesReminders);
  const { busy: saving, fieldErrors, formError, submit } = useCheckedSubmit(userFields);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    const patch: UpdateUserRequest = {};
    if (displayName.trim() !== user.displayName) patch.displayName = displayName;
    if (role !== user.role) patch.role = role;
    if (!sameIds(unitIds, user.unitIds)) patch.unitIds = unitIds;
    const newEmail = email.trim() === '' ? null : email.trim();
    if (newEmail !== user.email) patch.email = newEmail;
    if (receivesReminders !== user.receivesReminders) patch.receivesReminders = receivesReminders;
    if (Object.keys(patch).length === 0) {
      onDone(false);
      return;
    }
    await submit(updateUserRequestSchema.safeParse(patch), async (data) => {
      await updateUser(user.id, data);
      onDone(true);
    });
  }

  return (
    <form className="admin-form admin-edit" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('admin.users.edit.heading', { name: user.username })}</h3>
      <FormError error={formError} />
      <div className="admin-form-row">
        <Field
          label={t('admin.users.create.displayName')}
          name="displayName"
          autoComplete="off"
          maxLength={100}
          required
          value={displayName}
          onValueChange={setDisplayName}
          error={fieldErrors.displayName}
          autoFocus
        />
        {isSelf ? (
          <div className="field">
            <span className="field-label">{t('admin.users.create.role')}</span>
            <span>{t(`admin.role.${role}`)}</span>
            <span className="field-hint">{t('admin.users.edit.selfRole')}</span>
          </div>
        ) : (
          <RoleSelect label={t('admin.users.create.role')} value={role} onChange={setRole} error={fieldErrors.role} />
        )}
      </div>
      <UserUnitsField tree={tree} role={role} selected={unitIds} onChange={setUnitIds} error={fieldErrors.unitIds} />
      <div className="admin-form-row">
        <EmailField value={email} onValueChange={setEmail} error={fieldErrors.email} />
        <label className="checkbox">
          <input type="checkbox" name="receivesReminders" checked={receivesReminders} onChange={(event) => setReceivesReminders(event.target.checked)} />
          {t('notifications.email.receives')}
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? t('admin.users.edit.saving') : t('admin.users.edit.save')}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={saving}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}
