import type { MessageKey } from '../i18n';
import { useT } from '../i18n';
import { Field } from './Field';

/** Where a user's reminders go: one field for /account and the admin's user forms alike. */
export function EmailField({ value, onValueChange, error, autoComplete = 'off' }: { value: string; onValueChange: (value: string) => void; error?: MessageKey | undefined; autoComplete?: string }) {
  const t = useT();
  return (
    <Field
      label={t('notifications.email.label')}
      hint={t('notifications.email.hint')}
      name="email"
      type="email"
      autoComplete={autoComplete}
      maxLength={254}
      value={value}
      onValueChange={onValueChange}
      error={error}
    />
  );
}
