import { useEffect, useRef, useState, type FormEvent } from 'react';
import { changePasswordRequestSchema, PASSWORD_MIN } from '../../../../shared/api/users';
import { asApiError } from '../../../api/http';
import { changePassword } from '../../../api/workspace';
import { useT, type MessageKey } from '../../../i18n';
import { goToLogin } from '../../../navigation';
import type { FieldErrors } from '../../../ui/fieldErrors';
import { Field } from '../../../ui/Field';
import { workspaceFields } from '../../../components/workspaceFields';
import { FormErrors } from '../../../ui/FormErrors';
import { ACCOUNT_PATH } from '../../../paths/workspace';

/** Current password, then the new one twice; the server signs out the user's other sessions. */
export function ChangePasswordForm() {
  const t = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formErrors, setFormErrors] = useState<MessageKey[]>([]);
  const [done, setDone] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);

  useEffect(() => {
    if (focusRequest > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  function refuse(fields: FieldErrors, form: MessageKey[] = []) {
    setErrors(fields);
    setFormErrors(form);
    setFocusRequest((n) => n + 1);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    setDone(false);
    const parsed = changePasswordRequestSchema.safeParse({ currentPassword, newPassword });
    const fields = parsed.success ? {} : workspaceFields.ofIssues(parsed.error.issues);
    if (!fields.newPassword && confirmPassword !== newPassword) fields.confirmPassword = workspaceFields.message('confirmPassword', 'mismatch');
    if (!parsed.success || fields.confirmPassword) return refuse(fields);

    setSaving(true);
    setErrors({});
    setFormErrors([]);
    try {
      await changePassword(parsed.data);
      setCurrentPassword('');
      setNewPassword('');
      setConfirmPassword('');
      setDone(true);
    } catch (caught) {
      const error = asApiError(caught);
      if (error.code === 'invalid_credentials') refuse({ currentPassword: workspaceFields.message('currentPassword', 'invalid_credentials') });
      else if (error.code === 'unauthenticated') goToLogin(ACCOUNT_PATH);
      else refuse(workspaceFields.ofApi(error), [`errors.${error.code}`]);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form ref={formRef} className="ws-form ws-password" onSubmit={onSubmit} noValidate aria-labelledby="ws-password-heading">
      <h2 id="ws-password-heading">{t('workspace.account.passwordHeading')}</h2>
      <div role="status" className="ws-live">
        {done && <p className="ws-saved">{t('workspace.account.changed')}</p>}
      </div>
      <FormErrors errors={formErrors} />
      <Field
        label={t('workspace.account.currentPassword')}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        onValueChange={setCurrentPassword}
        error={errors.currentPassword}
        maxLength={200}
        required
        spellCheck={false}
        markRequired
        errorFirst
      />
      <Field
        label={t('workspace.account.newPassword')}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        value={newPassword}
        onValueChange={setNewPassword}
        error={errors.newPassword}
        hint={t('workspace.account.newPasswordHint', { min: PASSWORD_MIN })}
        maxLength={200}
        required
        spellCheck={false}
        markRequired
        errorFirst
      />
      <Field
        label={t('workspace.account.confirmPassword')}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        value={confirmPassword}
        onValueChange={setConfirmPassword}
        error={errors.confirmPassword}
        maxLength={200}
        required
        spellCheck={false}
        markRequired
        errorFirst
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? t('workspace.account.submitting') : t('workspace.account.submit')}
        </button>
      </div>
    </form>
  );
}
