import { useId, useState } from 'react';
import { PASSWORD_MIN, resetPasswordRequestSchema, type User } from '../../../../shared/api/users';
import { resetUserPassword } from '../../../api/admin';
import { useT } from '../../../i18n';
import { useModalDialog } from '../../../ui/useModalDialog';
import { FormError } from '../../../ui/FormError';
import { Field } from '../../../ui/Field';
import { useApiForm } from '../../../ui/useApiForm';
import { userFields } from '../../../components/adminFields';

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
  const [shown, setShown] = useState(false);
  const { field, submit, busy: saving, formError } = useApiForm({
    schema: resetPasswordRequestSchema,
    defaultValues: { password: '' },
    messages: userFields,
    send: ({ password }) => resetUserPassword(user.id, password),
    onDone: () => closeThen(onDone),
  });
  const { dialogProps, closeThen } = useModalDialog(saving, onCancel);

  return (
    <dialog {...dialogProps} className="dialog" aria-labelledby={`${id}-heading`} aria-describedby={`${id}-body`}>
      <form className="admin-form" onSubmit={submit} noValidate>
        <h2 id={`${id}-heading`}>{t('admin.users.password.heading', { name: user.username })}</h2>
        <p id={`${id}-body`}>{t('admin.users.password.body')}</p>
        <FormError error={formError} />
        <Field
          label={t('admin.users.password.label')}
          type={shown ? 'text' : 'password'}
          autoComplete="new-password"
          spellCheck={false}
          maxLength={200}
          required
          hint={t('admin.users.create.passwordHint', { min: PASSWORD_MIN })}
          {...field('password')}
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
