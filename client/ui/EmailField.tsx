import type { ComponentProps } from 'react';
import { useT } from '../i18n';
import { Field } from './Field';

type Props = Omit<ComponentProps<typeof Field>, 'label' | 'hint' | 'type' | 'maxLength'>;

/** Where a user's reminders go: one field for /account and the admin's user forms alike. */
export function EmailField({ autoComplete = 'off', ...props }: Props) {
  const t = useT();
  return <Field label={t('notifications.email.label')} hint={t('notifications.email.hint')} name="email" type="email" autoComplete={autoComplete} maxLength={254} {...props} />;
}
