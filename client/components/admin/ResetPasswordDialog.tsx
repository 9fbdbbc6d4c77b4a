import { useId, useState, type FormEvent } from 'react';
import { PASSWORD_MIN, resetPasswordRequestSchema, type User } from '../../../shared/api/users';
import { asApiError } from '../../api';
import { resetUserPassword } from '../../api/admin';
import { useT, type MessageKey } from '../../i18n';
import { useModalDialog } from '../dialog/useModalDialog';
import type { FieldErrors } from '../form/fieldErrors';
import { TextField } from '../form/TextField';
import { userFields } from './fieldMessages';

interface Props {
  user: User;
  onCancel: () => void;
  onDone: () => void;
}

/**
 * An admin sets a new password for someone. A modal dialog holding a form: showModal focuses
 * the password box, Escape cancels, focus returns to the button that opened it (the caller).
 */
export function ResetPasswordDialog({ user, onCancel, onDone }: Props) {
  const t = useT();
  const id = useId();
  const [password, setPassword] = useState('');
  const [shown, setShown] = useState(false);
  const [saving, setSaving] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<MessageKey | null>(null);
  const { dialogProps, closeThen } = useModalDialog(saving, onCancel);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    const parsed = resetPasswordRequestSchema.safeParse({ password });
    if (!parsed.success) {
      setFieldErrors(userFields.ofIssues(parsed.error.issues));
      setFormError(null);
      return;
    }
    setSaving(true);
    setFieldErrors({});
    setFormError(null);
    try {
      await resetUserPassword(user.id, parsed.data.password);
      closeThen(onDone);
    } catch (caught) {
      const error = asApiError(caught);
      setFieldErrors(userFields.ofApi(error));
      setFormError(`errors.${error.code}`);
      setSaving(false);
    }
  }

  return (
    <dialog {...dialogProps} className="dialog" aria-labelledby={`${id}-heading`} aria-describedby={`${id}-body`}>
      <form className="admin-form" onSubmit={onSubmit} noValidate>
        <h2 id={`${id}-heading`}>{t('admin.users.password.heading', { name: user.username })}</h2>
        <p id={`${id}-body`}>{t('admin.users.password.body')}</p>
        {formError && (
          <p className="notice notice-error" role="alert">
            {t(formError)}
          </p>
        )}
        <TextField
          label={t('admin.users.password.label')}
          name="password"
          type={shown ? 'text' : 'password'}
          autoComplete="new-password"
          spellCheck={false}
          maxLength={200}
          required
          value={password}
          onValueChange={setPassword}
          hint={t('admin.users.create.passwordHint', { min: PASSWORD_MIN })}
          error={fieldErrors.password}
        />
        <label className="checkbox">
          <input type="checkbox" checked={shown} onChange={(event) => setShown(event.target.checked)} />
          <span>{t('admin.users.password.show')}</span>
        </label>
        <div className="form-actions">
          <button type="button" className="button" onClick={() => closeThen(onCancel)} disabled={saving}>
            {t('admin.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? t('admin.users.password.confirming') : t('admin.users.password.confirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
