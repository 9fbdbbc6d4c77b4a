import { useCallback, useState } from 'react';
import type { Settings } from '../../../../shared/api/settings';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { queries } from '../../../api/queries';
import { adminPage } from '../../../ui/PageFrame';
import { LoadError } from '../../../ui/Notice';
import { Panel } from '../../../ui/ListPanel';
import { ExportScheduleForm } from '../components/ExportScheduleForm';
import { GeneralSettingsForm } from '../components/GeneralSettingsForm';
import { LogoSettings } from '../components/LogoSettings';
import { MailSettingsForm } from '../components/MailSettingsForm';
import { SETTINGS_PATH } from '../../../paths/settings';
import { useT } from '../../../i18n';
import '../../../styles/admin.css';
import '../../../styles/plan.css';

/** The office, its logo, the screens' defaults, the export schedule and the email recipients: one panel each. */
function SettingsManager() {
  const t = useT();
  const loaded = useQuery(queries.settings);
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState('');
  // The settings as last answered: by the load, then by each save.
  const settings = loaded.data;

  const saved = useCallback(
    (next: Settings, message: string) => {
      queryClient.setQueryData(queries.settings.queryKey, next);
      setAnnouncement(message);
    },
    [queryClient],
  );

  if (loaded.error && !settings) return <LoadError error={loaded.error} message="admin.settings.loadFailed" />;
  if (!settings) return <p className="notice">{t('common.loading')}</p>;

  return (
    <>
      <p className="screens-announcement plan-announcement" role="status">
        {announcement}
      </p>
      <Panel heading="admin.settings.general.heading">
        <GeneralSettingsForm settings={settings} onSaved={(next) => saved(next, t('admin.settings.general.done'))} />
      </Panel>
      <Panel heading="admin.settings.logo.heading">
        <LogoSettings logoUrl={settings.logoUrl} onChanged={saved} />
      </Panel>
      <Panel heading="admin.settings.export.heading">
        <ExportScheduleForm settings={settings} onSaved={(next) => saved(next, t('admin.settings.export.done'))} />
      </Panel>
      <Panel heading="admin.settings.mail.heading">
        <MailSettingsForm settings={settings} onSaved={(next) => saved(next, t('admin.settings.mail.done'))} />
      </Panel>
    </>
  );
}

/** `/admin/settings`: admins only. */
export const SettingsPage = adminPage({ path: SETTINGS_PATH, title: 'admin.settings.title', intro: 'admin.settings.intro' }, SettingsManager);
