import { useCallback, useId, useState, type FormEvent } from 'react';
import { updateAccountRequestSchema, type Account } from '../../../../shared/api/users';
import { getAccount, updateAccount } from '../../../api/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useT } from '../../../i18n';
import { FormError } from '../../../ui/FormError';
import { EmailField } from '../../../ui/EmailField';
import { useCheckedSubmit } from '../../../ui/useCheckedSubmit';
import { emailFields } from './fieldMessages';

function Fields({ account, onSaved }: { account: Account; onSaved: (account: Account) => void }) {
  const t = useT();
  const [email, setEmail] = useState(account.email ?? '');
  const [receives, setReceives] = useState(account.receivesReminders);
  const [saved, setSaved] = useState(false);
  const { busy, fieldErrors, formError, submit } = useCheckedSubmit(emailFields);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setSaved(false);
    const trimmed = email.trim();
    await submit(updateAccountRequestSchema.safeParse({ email: trimmed === '' ? null : trimmed, receivesReminders: receives }), async (patch) => {
      onSaved(await updateAccount(patch));
      setSaved(true);
    });
  }

  return (
    <form className="admin-form" onSubmit={onSubmit} noValidate>
      <FormError error={formError} />
      <EmailField value={email} onValueChange={setEmail} error={fieldErrors.email} autoComplete="email" />
      <label className="checkbox">
        <input type="checkbox" name="receivesReminders" checked={receives} onChange={(event) => setReceives(event.target.checked)} />
        {t('notifications.email.receives')}
      </label>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('notifications.account.saving') : t('notifications.account.save')}
        </button>
        {saved && (
          <span className="field-hint" role="status">
            {t('notifications.account.saved')}
          </span>
        )}
      </div>
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
  const state = { data: account.data ?? null, error: account.error };
  const update = (change: () => Account) => queryClient.setQueryData(ACCOUNT_KEY, change());
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('notifications.account.heading')}</h2>
      <p className="field-hint">{t('notifications.account.intro')}</p>
      {state.error && <FormError error={`errors.${state.error.code}`} />}
      {state.data ? <Fields account={state.data} onSaved={(account) => update(() => account)} /> : !state.error && <p className="notice">{t('common.loading')}</p>}
    </section>
  );
}
