import type { SessionUser } from '../../../../shared/api/session';
import { LogoutButton } from '../../../components/LogoutButton';
import { ReminderSettingsForm } from '../components/ReminderSettingsForm';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { ACCOUNT_PATH } from '../../../paths/workspace';
import { PageHeader, signedInPage } from '../../../ui/SignedInFrame';
import { useT } from '../../../i18n';

function Account({ user }: { user: SessionUser }) {
  const t = useT();

  return (
    <>
      <PageHeader title={t('workspace.account.title')}>
        <dl className="ws-facts">
          <div>
            <dt>{t('workspace.account.name')}</dt>
            <dd>{user.displayName || user.username}</dd>
          </div>
          <div>
            <dt>{t('workspace.account.username')}</dt>
            <dd>{user.username}</dd>
          </div>
          <div>
            <dt>{t('workspace.account.role')}</dt>
            <dd>{t(`workspace.account.roles.${user.role}`)}</dd>
          </div>
        </dl>
      </PageHeader>
      <div className="ws-account">
        <section className="panel">
          <ChangePasswordForm />
        </section>
        <ReminderSettingsForm />
        <section className="panel" aria-labelledby="ws-logout-heading">
          <h2 id="ws-logout-heading">{t('workspace.account.logoutHeading')}</h2>
          <p className="field-hint">{t('workspace.account.logoutIntro')}</p>
          <div className="form-actions">
            <LogoutButton className="button" />
          </div>
        </section>
      </div>
    </>
  );
}

/** `/account`: the signed-in user's own password, and signing out. */
export const AccountPage = signedInPage(ACCOUNT_PATH, 'workspace.account.title', Account);
