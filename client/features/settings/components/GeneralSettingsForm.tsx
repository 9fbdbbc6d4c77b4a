import { useState, type FormEvent } from 'react';
import { settingsPatchSchema, type Settings, type SettingsPatch } from '../../../../shared/api/settings';
import { updateSettings } from '../../../api/plan';
import { LANGS, useT } from '../../../i18n';
import { FormError } from '../../../ui/FormError';
import { Field } from '../../../ui/Field';
import { useCheckedSubmit } from '../../../ui/useCheckedSubmit';
import { SelectField } from '../../../ui/Field';
import { settingsFields } from './settingsFields';

const THEMES = ['dark', 'light'] as const;

interface Props {
  settings: Settings;
  onSaved: (settings: Settings) => void;
}

/** The office's name and how screens show by default; only what changed is sent. */
export function GeneralSettingsForm({ settings, onSaved }: Props) {
  const t = useT();
  const [officeName, setOfficeName] = useState(settings.officeName);
  const [defaultLang, setDefaultLang] = useState(settings.defaultLang);
  const [defaultTheme, setDefaultTheme] = useState(settings.defaultTheme);
  const { busy, fieldErrors, formError, submit } = useCheckedSubmit(settingsFields);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const patch: SettingsPatch = {};
    if (officeName.trim() !== settings.officeName) patch.officeName = officeName;
    if (defaultLang !== settings.defaultLang) patch.defaultLang = defaultLang;
    if (defaultTheme !== settings.defaultTheme) patch.defaultTheme = defaultTheme;
    if (Object.keys(patch).length === 0) {
      onSaved(settings);
      return;
    }
    await submit(settingsPatchSchema.safeParse(patch), async (request) => {
      onSaved(await updateSettings(request));
    });
  }

  return (
    <form className="admin-form" onSubmit={onSubmit} noValidate>
      <FormError error={formError} />
      <Field
        label={t('admin.settings.general.officeName')}
        name="officeName"
        className="field-wide"
        autoComplete="organization"
        maxLength={200}
        required
        value={officeName}
        onValueChange={setOfficeName}
        hint={t('admin.settings.general.officeNameHint')}
        error={fieldErrors.officeName}
      />
      <div className="admin-form-row">
        <SelectField
          label={t('admin.settings.general.lang')}
          name="defaultLang"
          value={defaultLang}
          options={LANGS.map((lang) => ({ value: lang, label: t(`admin.settings.langName.${lang}`) }))}
          onValueChange={(value) => {
            const lang = LANGS.find((l) => l === value);
            if (lang) setDefaultLang(lang);
          }}
          hint={t('admin.settings.general.langHint')}
          error={fieldErrors.defaultLang}
        />
        <SelectField
          label={t('admin.settings.general.theme')}
          name="defaultTheme"
          value={defaultTheme}
          options={THEMES.map((theme) => ({ value: theme, label: t(`admin.settings.themeName.${theme}`) }))}
          onValueChange={(value) => {
            const theme = THEMES.find((th) => th === value);
            if (theme) setDefaultTheme(theme);
          }}
          error={fieldErrors.defaultTheme}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('admin.settings.general.saving') : t('admin.settings.general.save')}
        </button>
      </div>
    </form>
  );
}
