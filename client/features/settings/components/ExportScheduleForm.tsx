import { useId, useState } from 'react';
import { settingsPatchSchema, type Settings } from '../../../../shared/api/settings';
import { isTimeZone } from '../../../../shared/time/dates';
import { updateSettings } from '../../../api/plan';
import { useT } from '../../../i18n';
import type { FieldErrors } from '../../../ui/fieldErrors';
import { Field, NameField } from '../../../ui/Field';
import { FormActions } from '../../../ui/FormActions';
import { ApiForm } from '../../../ui/ApiForm';
import { changedFields, useApiForm } from '../../../ui/useApiForm';
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
  const [zones] = useState(knownTimeZones);
  const initial = { exportCron: settings.exportCron, exportTimeZone: settings.exportTimeZone, exportRetentionWeeks: String(settings.exportRetentionWeeks) };
  const { form, field, submit, busy, formError } = useApiForm({
    schema: settingsPatchSchema,
    defaultValues: initial,
    messages: settingsFields,
    ownErrors: ({ exportCron, exportTimeZone, exportRetentionWeeks }) => {
      const own: FieldErrors = {};
      if (exportCron.trim() !== '' && !looksLikeCron(exportCron)) own.exportCron = 'admin.settings.field.exportCron.invalid_cron';
      if (exportTimeZone.trim() !== '' && !isTimeZone(exportTimeZone.trim())) own.exportTimeZone = 'admin.settings.field.exportTimeZone.invalid_zone';
      const weeks = exportRetentionWeeks.trim();
      if (weeks === '') own.exportRetentionWeeks = 'admin.settings.field.exportRetentionWeeks.required';
      else if (!/^\d+$/.test(weeks)) own.exportRetentionWeeks = 'admin.settings.field.exportRetentionWeeks.not_number';
      return own;
    },
    toRequest: (values) => {
      const { exportRetentionWeeks: weeks, ...patch } = changedFields(values, initial);
      return { ...patch, ...(weeks !== undefined && Number(weeks) !== settings.exportRetentionWeeks && { exportRetentionWeeks: Number(weeks) }) };
    },
    unchanged: (values) => Object.keys(changedFields(values, initial)).length === 0,
    onUnchanged: () => onSaved(settings),
    send: updateSettings,
    onDone: onSaved,
  });
  const meaning = describeCron(form.watch('exportCron'), t);

  return (
    <ApiForm onSubmit={submit} error={formError}>
      <NameField
        label={t('admin.settings.export.cron')}
        className="field-wide settings-cron"
        spellCheck={false}
        maxLength={100}
        hint={
          <>
            <span className="settings-cron-line">{t('admin.settings.export.cronHelp')}</span>
            <span className="settings-cron-line settings-cron-example">{t('admin.settings.export.cronExample')}</span>
            {meaning && <span className="settings-cron-line settings-cron-meaning">{t('admin.settings.export.cronMeaning', { text: meaning })}</span>}
          </>
        }
        {...field('exportCron')}
      />
      <div className="admin-form-row">
        <NameField
          label={t('admin.settings.export.timeZone')}
          spellCheck={false}
          maxLength={100}
          list={zones.length > 0 ? `${id}-zones` : undefined}
          hint={t('admin.settings.export.timeZoneHint')}
          {...field('exportTimeZone')}
        />
        <Field
          label={t('admin.settings.export.retention')}
          className="field-narrow"
          type="number"
          inputMode="numeric"
          min={1}
          max={5200}
          step={1}
          required
          hint={t('admin.settings.export.retentionHint')}
          {...field('exportRetentionWeeks')}
        />
      </div>
      {zones.length > 0 && (
        <datalist id={`${id}-zones`}>
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      )}
      <FormActions busy={busy} submit="admin.settings.export.save" submitting="admin.settings.export.saving" />
    </ApiForm>
  );
}
