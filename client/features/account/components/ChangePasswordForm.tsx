import { changePasswordRequestSchema, PASSWORD_MIN } from '../../../../shared/api/users';
import { changePassword } from '../../../api/workspace';
import { workspaceFields } from '../../../components/workspaceFields';
import { useT } from '../../../i18n';
import { Field } from '../../../ui/Field';
import { FormActions } from '../../../ui/FormActions';
import { FormErrors } from '../../../ui/FormErrors';
import { useApiForm } from '../../../ui/useApiForm';

const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '' };
const PASSWORD_FIELDS = [
  { name: 'currentPassword', label: 'workspace.account.currentPassword', autoComplete: 'current-password' },
  { name: 'newPassword', label: 'workspace.account.newPassword', autoComplete: 'new-password' },
  { name: 'confirmPassword', label: 'workspace.account.confirmPassword', autoComplete: 'new-password' },
] as const;

/**
 * Current password, then the new one twice; the server signs out the user's other sessions. Sent
 * as a mutation: a session that ended meanwhile is the QueryClient's 401 (app/queryClient.ts).
 */
export function ChangePasswordForm() {
  const t = useT();
  const { form, field, submit, busy, done, formError } = useApiForm({
    schema: changePasswordRequestSchema,
    defaultValues: EMPTY,
    messages: workspaceFields,
    toRequest: ({ currentPassword, newPassword }) => ({ currentPassword, newPassword }),
    // The second typing is checked once the new password itself is acceptable.
    ownErrors: ({ newPassword, confirmPassword }) =>
      changePasswordRequestSchema.shape.newPassword.safeParse(newPassword).success && confirmPassword !== newPassword
        ? { confirmPassword: workspaceFields.message('confirmPassword', 'mismatch') }
        : {},
    send: changePassword,
    onDone: () => form.reset(EMPTY),
    refused: (error) => (error.code === 'invalid_credentials' ? { currentPassword: workspaceFields.message('currentPassword', 'invalid_credentials') } : null),
  });

  return (
    <form className="ws-form ws-password" onSubmit={submit} noValidate aria-labelledby="ws-password-heading">
      <h2 id="ws-password-heading">{t('workspace.account.passwordHeading')}</h2>
      <div role="status" className="ws-live">
        {done && <p className="ws-saved">{t('workspace.account.changed')}</p>}
      </div>
      <FormErrors errors={formError ? [formError] : []} />
      {PASSWORD_FIELDS.map(({ name, label, autoComplete }) => (
        <Field
          key={name}
          label={t(label)}
          type="password"
          autoComplete={autoComplete}
          hint={name === 'newPassword' ? t('workspace.account.newPasswordHint', { min: PASSWORD_MIN }) : undefined}
          maxLength={200}
          required
          spellCheck={false}
          markRequired
          errorFirst
          {...field(name)}
        />
      ))}
      <FormActions busy={busy} submit="workspace.account.submit" submitting="workspace.account.submitting" />
    </form>
  );
}
