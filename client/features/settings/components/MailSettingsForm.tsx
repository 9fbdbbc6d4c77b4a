import { useState, type FormEvent } from 'react';
import { settingsPatchSchema, type Settings, type SettingsPatch } from '../../../../shared/api/settings';
import { updateSettings } from '../../../api/plan';
import { useT } from '../../../i18n';
import { fieldMessages } from '../../../ui/fieldErrors';
import { FormError } from '../../../ui/FormError';
import { Field } from '../../../ui/Field';
import { useCheckedSubmit } from '../../../ui/useCheckedSubmit';

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
  const [report, setReport] = useState((settings.reportRecipients ?? []).join('\n'));
  const [alert, setAlert] = useState((settings.alertRecipients ?? []).join('\n'));
  const { busy, fieldErrors, formError, submit } = useCheckedSubmit(mailFields);
  const lists = [
    { field: 'reportRecipients', rows: 4, text: report, setText: setReport },
    { field: 'alertRecipients', rows: 3, text: alert, setText: setAlert },
  ] as const;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const patch: SettingsPatch = { reportRecipients: addresses(report), alertRecipients: addresses(alert) };
    await submit(settingsPatchSchema.safeParse(patch), async (request) => {
      const saved = await updateSettings(request);
      setReport((saved.reportRecipients ?? []).join('\n'));
      setAlert((saved.alertRecipients ?? []).join('\n'));
      onSaved(saved);
    });
  }

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
      <form className="admin-form" onSubmit={onSubmit} noValidate>
        <FormError error={formError} />
        {lists.map(({ field, rows, text, setText }) => (
          <Field
            key={field}
            label={t(`admin.settings.mail.${field}`)}
            name={field}
            className="field-wide"
            rows={rows}
            autoComplete="off"
            spellCheck={false}
            value={text}
            onValueChange={setText}
            hint={t(`admin.settings.mail.${field}Hint`)}
            error={fieldErrors[field]}
          />
        ))}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('admin.settings.mail.saving') : t('admin.settings.mail.save')}
          </button>
        </div>
      </form>
    </>
  );
}
