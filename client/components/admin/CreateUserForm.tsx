import { useId, useState, type FormEvent } from 'react';
import type { Role } from '../../../shared/api/session';
import { createUserRequestSchema, PASSWORD_MIN, type User } from '../../../shared/api/users';
import { asApiError } from '../../api';
import { createUser } from '../../api/admin';
import { useT, type MessageKey } from '../../i18n';
import type { FieldErrors } from '../form/fieldErrors';
import { TextField } from '../form/TextField';
import { userFields } from './fieldMessages';
import { RoleSelect } from './RoleSelect';
import { UnitCheckboxes } from './UnitCheckboxes';
import type { UnitNode } from './unitTree';

interface Props {
  tree: readonly UnitNode[];
  onCreated: (user: User) => void;
}

const EMPTY = { username: '', displayName: '', password: '', role: 'editor' as Role, unitIds: [] as number[] };

/** A new account: checked with the shared schema first; a taken user name is said beside it. */
export function CreateUserForm({ tree, onCreated }: Props) {
  const t = useT();
  const id = useId();
  const [form, setForm] = useState(EMPTY);
  const [creating, setCreating] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<MessageKey | null>(null);

  const set = <K extends keyof typeof EMPTY>(key: K) => (value: (typeof EMPTY)[K]) => setForm((previous) => ({ ...previous, [key]: value }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (creating) return;
    const parsed = createUserRequestSchema.safeParse(form);
    if (!parsed.success) {
      setFieldErrors(userFields.ofIssues(parsed.error.issues));
      setFormError(null);
      return;
    }
    setCreating(true);
    setFieldErrors({});
    setFormError(null);
    try {
      const user = await createUser(parsed.data);
      setForm(EMPTY);
      onCreated(user);
    } catch (caught) {
      const error = asApiError(caught);
      if (error.code === 'conflict') {
        // The only unique field of a new user: its name is taken.
        setFieldErrors({ username: 'admin.users.field.username.taken' });
      } else {
        setFieldErrors(userFields.ofApi(error));
        setFormError(`errors.${error.code}`);
      }
    } finally {
      setCreating(false);
    }
  }

  const editorWithoutUnits = form.role === 'editor' && form.unitIds.length === 0;

  return (
    <form className="admin-form" onSubmit={onSubmit} noValidate>
      {formError && (
        <p className="notice notice-error" role="alert">
          {t(formError)}
        </p>
      )}
      <div className="admin-form-row">
        <TextField
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
        <TextField
          label={t('admin.users.create.displayName')}
          name="displayName"
          autoComplete="off"
          maxLength={100}
          required
          value={form.displayName}
          onValueChange={set('displayName')}
          error={fieldErrors.displayName}
        />
        <TextField
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
      </div>
      <UnitCheckboxes
        legend={t('admin.users.create.units')}
        hint={t('admin.users.create.unitsHint')}
        tree={tree}
        selected={form.unitIds}
        onChange={set('unitIds')}
        error={fieldErrors.unitIds}
        extraDescribedBy={editorWithoutUnits ? `${id}-warning` : undefined}
      />
      {editorWithoutUnits && (
        <p className="field-warning" id={`${id}-warning`}>
          {t('admin.users.editorWithoutUnits')}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={creating}>
          {creating ? t('admin.users.create.submitting') : t('admin.users.create.submit')}
        </button>
      </div>
    </form>
  );
}
