import type { SessionUser } from '../../../../shared/api/session';
import { useMemo } from 'react';
import { ExportArchive } from '../components/ExportArchive';
import { DeliveryActionsContext } from '../components/ExportDeliveries';
import { ExportNowPanel } from '../components/ExportNowPanel';
import { REPORTS_PATH } from '../../../paths/reports';
import { useExportList } from '../api/useExportList';
import { PageHeader, signedInPage } from '../../../ui/SignedInFrame';
import { useT } from '../../../i18n';
import '../../../styles/reports.css';

/** Who may press "Xuất ngay": admins and editors (the server decides the same). */
function mayExport(user: SessionUser): boolean {
  return user.role === 'admin' || user.role === 'editor';
}

function Reports({ user }: { user: SessionUser }) {
  const t = useT();
  const list = useExportList();
  // "Gửi lại" for admins only (the server decides the same).
  const deliveryActions = useMemo(() => ({ mayResend: user.role === 'admin', onResent: list.refresh }), [user.role, list.refresh]);
  return (
    <>
      <PageHeader title={t('reports.title')} intro={t('reports.intro')} />
      {mayExport(user) && <ExportNowPanel onUpdate={list.update} onListChanged={list.refresh} />}
      <DeliveryActionsContext value={deliveryActions}>
        <ExportArchive state={list.state} onRefresh={list.refresh} />
      </DeliveryActionsContext>
    </>
  );
}

/** `/reports`: the weekly screenshot exports, for anyone signed in; "Xuất ngay" for admins and editors. */
export const ReportsPage = signedInPage(REPORTS_PATH, 'reports.title', Reports);
