import { useCallback, useId, useState } from 'react';
import type { Settings } from '../../../../shared/api/settings';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { queries } from '../../../api/queries';
import { PageFrame } from '../../../ui/PageFrame';
import { LoadError } from '../../../ui/Notice';
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
  const generalId = useId();
  const logoId = useId();
  const exportId = useId();
  const mailId = useId();
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
      <section className="panel" aria-labelledby={generalId}>
        <h2 id={generalId}>{t('admin.settings.general.heading')}</h2>
        <GeneralSettingsForm settings={settings} onSaved={(next) => saved(next, t('admin.settings.general.done'))} />
      </section>
      <section className="panel" aria-labelledby={logoId}>
        <h2 id={logoId}>{t('admin.settings.logo.heading')}</h2>
        <LogoSettings logoUrl={settings.logoUrl} onChanged={saved} />
      </section>
      <section className="panel" aria-labelledby={exportId}>
        <h2 id={exportId}>{t('admin.settings.export.heading')}</h2>
        <ExportScheduleForm settings={settings} onSaved={(next) => saved(next, t('admin.settings.export.done'))} />
      </section>
      <section className="panel" aria-labelledby={mailId}>
        <h2 id={mailId}>{t('admin.settings.mail.heading')}</h2>
        <MailSettingsForm settings={settings} onSaved={(next) => saved(next, t('admin.settings.mail.done'))} />
      </section>
    </>
  );
}

/** `/admin/settings`: admins only. */
export function SettingsPage() {
  return (
    <PageFrame path={SETTINGS_PATH} title="admin.settings.title" intro="admin.settings.intro">
      {() => <SettingsManager />}
    </PageFrame>
  );
}
