import type { SessionUser } from '../../../../shared/api/session';
import { useMemo } from 'react';
import { ExportArchive } from '../components/ExportArchive';
import { DeliveryActionsContext } from '../components/ExportDeliveries';
import { ExportNowPanel } from '../components/ExportNowPanel';
import { REPORTS_PATH } from '../../../paths/reports';
import { useExportList } from '../api/useExportList';
import { SignedInFrame } from '../../../ui/SignedInFrame';
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
      <div className="ws-header">
        <h1>{t('reports.title')}</h1>
        <p className="ws-intro">{t('reports.intro')}</p>
      </div>
      {mayExport(user) && <ExportNowPanel onUpdate={list.update} onListChanged={list.refresh} />}
      <DeliveryActionsContext value={deliveryActions}>
        <ExportArchive state={list.state} onRefresh={list.refresh} />
      </DeliveryActionsContext>
    </>
  );
}

/** `/reports`: the weekly screenshot exports, for anyone signed in; "Xuất ngay" for admins and editors. */
export function ReportsPage() {
  const t = useT();
  return (
    <SignedInFrame path={REPORTS_PATH} title={t('reports.title')}>
      {(user) => <Reports user={user} />}
    </SignedInFrame>
  );
}
