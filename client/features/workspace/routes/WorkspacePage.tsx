import { useId, useMemo, useState } from 'react';
import type { Board } from '../../../../shared/api/board';
import { userMayWrite } from '../../../../shared/api/permissions';
import type { SessionUser } from '../../../../shared/api/session';
import { IndicatorTable } from '../components/IndicatorTable';
import { groupIndicators } from '../components/indicatorGroups';
import { LiveBoard } from '../components/LiveBoard';
import { WORKSPACE_PATH } from '../../../paths/workspace';
import { ReadingForm } from '../components/ReadingForm';
import { PageHeader, SignedInFrame } from '../../../ui/SignedInFrame';
import { useT } from '../../../i18n';

/** The indicators this user may update, by group, beside the form for the one selected. */
function Workspace({ user, board }: { user: SessionUser; board: Board }) {
  const t = useT();
  const formId = useId();
  // `?indicator=<id>`: a reminder's link opens that indicator's form straight away.
  const [selectedId, setSelectedId] = useState<number | null>(() => Number(new URLSearchParams(window.location.search).get('indicator')) || null);
  const writable = useMemo(
    () => board.indicators.filter((indicator) => userMayWrite(user, { ownerUnitId: indicator.ownerUnit.id })),
    [board.indicators, user],
  );
  const groups = useMemo(() => groupIndicators(board, writable, t('board.otherGroup')), [board, writable, t]);
  const selected = writable.find((indicator) => indicator.id === selectedId) ?? null;
  const overdue = writable.filter((indicator) => indicator.overdue).length;

  function close() {
    const code = selected?.code;
    setSelectedId(null);
    // Back to the row the form was opened from.
    if (code) document.querySelector<HTMLElement>(`[data-indicator="${CSS.escape(code)}"] button`)?.focus();
  }

  if (writable.length === 0) {
    return (
      <PageHeader title={t('workspace.title')}>
        <p className="notice" role="status">
          {user.role === 'viewer' ? t('workspace.list.noneViewer') : t('workspace.list.noneEditor')}
        </p>
      </PageHeader>
    );
  }

  return (
    <>
      <PageHeader title={t('workspace.title')} intro={t('workspace.list.intro')}>
        <p className="ws-summary">
          {t('workspace.list.summary', { count: writable.length, overdue })}
        </p>
      </PageHeader>
      <div className="ws-layout">
        <div className="ws-list">
          {groups.map((group) => (
            <IndicatorTable
              key={group.key}
              group={group}
              selectedId={selectedId}
              formId={formId}
              onSelect={(indicator) => setSelectedId(indicator.id)}
            />
          ))}
        </div>
        <div className="ws-side" id={formId}>
          {selected ? (
            <ReadingForm key={selected.id} indicator={selected} board={board} onClose={close} />
          ) : (
            <p className="notice">{t('workspace.list.choose')}</p>
          )}
        </div>
      </div>
    </>
  );
}

/** `/workspace`: where specialists enter the readings of their unit's indicators. */
export function WorkspacePage() {
  const t = useT();
  return (
    <SignedInFrame path={WORKSPACE_PATH} title={t('workspace.title')}>
      {(user) => <LiveBoard path={WORKSPACE_PATH}>{(board) => <Workspace user={user} board={board} />}</LiveBoard>}
    </SignedInFrame>
  );
}
