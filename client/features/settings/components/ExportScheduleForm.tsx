import { useId, useState, type FormEvent } from 'react';
import { settingsPatchSchema, type Settings, type SettingsPatch } from '../../../../shared/api/settings';
import { isTimeZone } from '../../../../shared/time/dates';
import { updateSettings } from '../../../api/plan';
import { useT } from '../../../i18n';
import type { FieldErrors } from '../../../ui/fieldErrors';
import { FormError } from '../../../ui/FormError';
import { Field } from '../../../ui/Field';
import { useCheckedSubmit } from '../../../ui/useCheckedSubmit';
import { describeCron, looksLikeCron } from './cronText';
import { settingsFields } from './settingsFields';

interface Props {
  settings: Settings;
  onSaved: (settings: Settings) => void;
}

/** The zones a browser knows, offered as the time zone is typed; none where it cannot list them. */
function knownTimeZones(): readonly string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/**
 * When the weekly export runs (cron, in a time zone) and how long its archive is kept. The cron
 * format is explained beside the field, and a simple schedule is said back in words.
 */
export function ExportScheduleForm({ settings, onSaved }: Props) {
  const t = useT();
  const id = useId();
  const [cron, setCron] = useState(settings.exportCron);
  const [timeZone, setTimeZone] = useState(settings.exportTimeZone);
  const [retention, setRetention] = useState(String(settings.exportRetentionWeeks));
  const [zones] = useState(knownTimeZones);
  const { busy, fieldErrors, setFieldErrors, formError, submit } = useCheckedSubmit(settingsFields);
  const meaning = describeCron(cron, t);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const own: FieldErrors = {};
    if (cron.trim() !== '' && !looksLikeCron(cron)) own.exportCron = 'admin.settings.field.exportCron.invalid_cron';
    if (timeZone.trim() !== '' && !isTimeZone(timeZone.trim())) own.exportTimeZone = 'admin.settings.field.exportTimeZone.invalid_zone';
    const weeks = retention.trim();
    if (weeks === '') own.exportRetentionWeeks = 'admin.settings.field.exportRetentionWeeks.required';
    else if (!/^\d+$/.test(weeks)) own.exportRetentionWeeks = 'admin.settings.field.exportRetentionWeeks.not_number';
    const patch: SettingsPatch = {};
    if (cron.trim() !== settings.exportCron) patch.exportCron = cron;
    if (timeZone.trim() !== settings.exportTimeZone) patch.exportTimeZone = timeZone;
    if (Number(weeks) !== settings.exportRetentionWeeks) patch.exportRetentionWeeks = Number(weeks);
    const parsed = settingsPatchSchema.safeParse(patch);
    if (Object.keys(own).length > 0) {
      setFieldErrors({ ...(parsed.success ? {} : settingsFields.ofIssues(parsed.error.issues)), ...own });
      return;
    }
    if (Object.keys(patch).length === 0) {
      onSaved(settings);
      return;
    }
    await submit(parsed, async (request) => {
      onSaved(await updateSettings(request));
    });
  }

  return (
    <form className="admin-form" onSubmit={onSubmit} noValidate>
      <FormError error={formError} />
      <Field
        label={t('admin.settings.export.cron')}
        name="exportCron"
        className="field-wide settings-cron"
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
        required
        value={cron}
        onValueChange={setCron}
        hint={
          <>
            <span className="settings-cron-line">{t('admin.settings.export.cronHelp')}</span>
            <span className="settings-cron-line settings-cron-example">{t('admin.settings.export.cronExample')}</span>
            {meaning && <span className="settings-cron-line settings-cron-meaning">{t('admin.settings.export.cronMeaning', { text: meaning })}</span>}
          </>
        }
        error={fieldErrors.exportCron}
      />
      <div className="admin-form-row">
        <Field
          label={t('admin.settings.export.timeZone')}
          name="exportTimeZone"
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          required
          list={zones.length > 0 ? `${id}-zones` : undefined}
          value={timeZone}
          onValueChange={setTimeZone}
          hint={t('admin.settings.export.timeZoneHint')}
          error={fieldErrors.exportTimeZone}
        />
        <Field
          label={t('admin.settings.export.retention')}
          name="exportRetentionWeeks"
          className="field-narrow"
          type="number"
          inputMode="numeric"
          min={1}
          max={5200}
          step={1}
          required
          value={retention}
          onValueChange={setRetention}
          hint={t('admin.settings.export.retentionHint')}
          error={fieldErrors.exportRetentionWeeks}
        />
      </div>
      {zones.length > 0 && (
        <datalist id={`${id}-zones`}>
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('admin.settings.export.saving') : t('admin.settings.export.save')}
        </button>
      </div>
    </form>
  );
}
