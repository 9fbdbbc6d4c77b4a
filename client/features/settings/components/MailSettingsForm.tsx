import { settingsPatchSchema, type Settings } from '../../../../shared/api/settings';
import { updateSettings } from '../../../api/plan';
import { useT } from '../../../i18n';
import { fieldMessages } from '../../../ui/fieldErrors';
import { Field } from '../../../ui/Field';
import { FormActions } from '../../../ui/FormActions';
import { FormError } from '../../../ui/FormError';
import { useApiForm } from '../../../ui/useApiForm';

interface Props {
  settings: Settings;
  onSaved: (settings: Settings) => void;
}

// An address's error (`reportRecipients.3`) is shown beside its list.
const mailFields = fieldMessages({ field: 'admin.settings.field', onArray: true });

/** One address a line (commas and semicolons also separate, as pasted from a mail client). */
function addresses(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * Whether this server sends email (and why not), and who receives the weekly report and the
 * alerts: one address a line, checked with the API's own schema before anything is sent.
 */
export function MailSettingsForm({ settings, onSaved }: Props) {
  const t = useT();
  const listsOf = (saved: Settings) => ({ reportRecipients: (saved.reportRecipients ?? []).join('\n'), alertRecipients: (saved.alertRecipients ?? []).join('\n') });
  const { form, field, submit, busy, formError } = useApiForm({
    schema: settingsPatchSchema,
    defaultValues: listsOf(settings),
    messages: mailFields,
    toRequest: (values) => ({ reportRecipients: addresses(values.reportRecipients), alertRecipients: addresses(values.alertRecipients) }),
    send: updateSettings,
    onDone: (saved) => {
      form.reset(listsOf(saved));
      onSaved(saved);
    },
  });
  const lists = [
    { name: 'reportRecipients', rows: 4 },
    { name: 'alertRecipients', rows: 3 },
  ] as const;

  return (
    <>
      {settings.mail.configured ? (
        <p className="notice" data-mail-status="configured">
          {t('admin.settings.mail.configured', { from: settings.mail.from ?? '' })}
        </p>
      ) : (
        <p className="notice notice-error" role="note" data-mail-status={settings.mail.reason ?? 'smtp_url_missing'}>
          {t('admin.settings.mail.smtp_url_missing')}
        </p>
      )}
      <form className="admin-form" onSubmit={submit} noValidate>
        <FormError error={formError} />
        {lists.map(({ name, rows }) => (
          <Field
            key={name}
            label={t(`admin.settings.mail.${name}`)}
            className="field-wide"
            rows={rows}
            autoComplete="off"
            spellCheck={false}
            hint={t(`admin.settings.mail.${name}Hint`)}
            {...field(name)}
          />
        ))}
        <FormActions busy={busy} submit="admin.settings.mail.save" submitting="admin.settings.mail.saving" />
      </form>
    </>
  );
}
