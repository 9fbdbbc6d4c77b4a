import { settingsPatchSchema, type Settings } from '../../../../shared/api/settings';
import { updateSettings } from '../../../api/plan';
import { LANGS, useT } from '../../../i18n';
import { NameField, SelectField } from '../../../ui/Field';
import { FormActions } from '../../../ui/FormActions';
import { ApiForm } from '../../../ui/ApiForm';
import { changedFields, useApiForm } from '../../../ui/useApiForm';
import { settingsFields } from './settingsFields';

const THEMES = ['dark', 'light'] as const;

interface Props {
  settings: Settings;
  onSaved: (settings: Settings) => void;
}

/** The office's name and how screens show by default; only what changed is sent. */
export function GeneralSettingsForm({ settings, onSaved }: Props) {
  const t = useT();
  const initial = { officeName: settings.officeName, defaultLang: settings.defaultLang as string, defaultTheme: settings.defaultTheme as string };
  const { field, submit, busy, formError } = useApiForm({
    schema: settingsPatchSchema,
    defaultValues: initial,
    messages: settingsFields,
    toRequest: (values) => changedFields(values, initial),
    unchanged: (values) => Object.keys(changedFields(values, initial)).length === 0,
    onUnchanged: () => onSaved(settings),
    send: updateSettings,
    onDone: onSaved,
  });

  return (
    <ApiForm onSubmit={submit} error={formError}>
      <NameField
        label={t('admin.settings.general.officeName')}
        className="field-wide"
        autoComplete="organization"
        maxLength={200}
        hint={t('admin.settings.general.officeNameHint')}
        {...field('officeName')}
      />
      <div className="admin-form-row">
        <SelectField
          label={t('admin.settings.general.lang')}
          options={LANGS.map((lang) => ({ value: lang, label: t(`admin.settings.langName.${lang}`) }))}
          hint={t('admin.settings.general.langHint')}
          {...field('defaultLang')}
        />
        <SelectField
          label={t('admin.settings.general.theme')}
          options={THEMES.map((theme) => ({ value: theme, label: t(`admin.settings.themeName.${theme}`) }))}
          {...field('defaultTheme')}
        />
      </div>
      <FormActions busy={busy} submit="admin.settings.general.save" submitting="admin.settings.general.saving" />
    </ApiForm>
  );
}
