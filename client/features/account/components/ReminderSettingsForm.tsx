import { useId } from 'react';
import { updateAccountRequestSchema, type Account } from '../../../../shared/api/users';
import { getAccount, updateAccount } from '../../../api/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useT } from '../../../i18n';
import { FormError } from '../../../ui/FormError';
import { EmailField } from '../../../ui/EmailField';
import { FormActions } from '../../../ui/FormActions';
import { useApiForm } from '../../../ui/useApiForm';
import { emailFields } from './fieldMessages';

function Fields({ account, onSaved }: { account: Account; onSaved: (account: Account) => void }) {
  const t = useT();
  const { form, field, submit, busy, done, formError } = useApiForm({
    schema: updateAccountRequestSchema,
    defaultValues: { email: account.email ?? '', receivesReminders: account.receivesReminders },
    messages: emailFields,
    toRequest: ({ email, receivesReminders }) => ({ email: email.trim() === '' ? null : email.trim(), receivesReminders }),
    send: updateAccount,
    onDone: onSaved,
  });

  return (
    <form className="admin-form" onSubmit={submit} noValidate>
      <FormError error={formError} />
      <EmailField {...field('email')} autoComplete="email" />
      <label className="checkbox">
        <input type="checkbox" {...form.register('receivesReminders')} />
        {t('notifications.email.receives')}
      </label>
      <FormActions busy={busy} submit="notifications.account.save" submitting="notifications.account.saving">
        {done && (
          <span className="field-hint" role="status">
            {t('notifications.account.saved')}
          </span>
        )}
      </FormActions>
    </form>
  );
}

const ACCOUNT_KEY = ['account'];

/** /account: where the user's reminders go, and whether they want them. */
export function ReminderSettingsForm() {
  const t = useT();
  const headingId = useId();
  const account = useQuery({ queryKey: ACCOUNT_KEY, queryFn: ({ signal }) => getAccount(signal) });
  const queryClient = useQueryClient();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('notifications.account.heading')}</h2>
      <p className="field-hint">{t('notifications.account.intro')}</p>
      {account.error && <FormError error={`errors.${account.error.code}`} />}
      {account.data ? (
        <Fields account={account.data} onSaved={(saved) => queryClient.setQueryData(ACCOUNT_KEY, saved)} />
      ) : (
        !account.error && <p className="notice">{t('common.loading')}</p>
      )}
    </section>
  );
}
