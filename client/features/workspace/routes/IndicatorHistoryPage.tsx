import { useEffect, useRef, useState } from 'react';
import type { Board } from '../../../../shared/api/board';
import { userMayWrite } from '../../../../shared/api/permissions';
import type { SessionUser } from '../../../../shared/api/session';
import { AppLink } from '../../../components/AppLink';
import { HistoryChart } from '../components/HistoryChart';
import { IndicatorSummary } from '../components/IndicatorSummary';
import { LiveBoard } from '../components/LiveBoard';
import { indicatorIdOfPath, WORKSPACE_PATH } from '../../../paths/workspace';
import { ReadingsTable } from '../components/ReadingsTable';
import { SignedInFrame } from '../../../ui/SignedInFrame';
import { useReadings } from '../api/useReadings';
import { useT } from '../../../i18n';
import { usePathname } from '../../../navigation';

/** A line of the page's status region; `readingId`: the new reading it is about. */
interface Announcement {
  message: string;
  kind: 'done' | 'conflict';
  readingId?: number | undefined;
}

function History({ user, board, indicatorId }: { user: SessionUser; board: Board; indicatorId: number | null }) {
  const t = useT();
  const indicator = board.indicators.find((candidate) => candidate.id === indicatorId) ?? null;
  // The board's indicator is replaced on every change to it (a colleague's correction too).
  const { state, reload } = useReadings(indicator?.id ?? null, indicator);
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const live = useRef<HTMLDivElement>(null);
  const shown = useRef<Announcement | null>(null);

  // The confirmation and the new row are brought to where the person is looking (the corrected
  // row may be far below the top of the table, where both appear), once the new row is there;
  // the focus goes to the new row's button.
  useEffect(() => {
    if (!announcement || shown.current === announcement) return;
    const row = announcement.readingId === undefined ? null : document.querySelector<HTMLElement>(`[data-reading="${announcement.readingId}"]`);
    if (announcement.readingId !== undefined && !row) return;
    shown.current = announcement;
    live.current?.scrollIntoView({ block: 'start' });
    row?.querySelector<HTMLElement>('button')?.focus({ preventScroll: true });
  }, [announcement, state.readings]);

  if (!indicator) {
    return (
      <div className="ws-header">
        <p className="notice notice-error" role="alert">
          {t('workspace.history.notFound')}
        </p>
        <AppLink to={WORKSPACE_PATH} className="button">
          {t('workspace.history.back')}
        </AppLink>
      </div>
    );
  }
  const writer = userMayWrite(user, { ownerUnitId: indicator.ownerUnit.id });
  const mayCorrect = !board.term.closed && writer;

  return (
    <>
      <p className="ws-breadcrumb">
        <AppLink to={WORKSPACE_PATH}>{t('workspace.history.back')}</AppLink>
      </p>
      <IndicatorSummary indicator={indicator} timeZone={board.timeZone} />
      <section className="panel" aria-labelledby="ws-chart-heading">
        <h2 id="ws-chart-heading">{t('workspace.history.chartHeading')}</h2>
        <HistoryChart indicator={indicator} board={board} />
      </section>
      <section className="panel" aria-labelledby="ws-readings-heading">
        <div className="panel-heading">
          <h2 id="ws-readings-heading">{t('workspace.history.title')}</h2>
          <p className="field-hint">{t('workspace.history.intro')}</p>
        </div>
        {!board.term.closed && !writer && (
          <p className="notice" data-read-only>
            {t('workspace.history.readOnly', { unit: indicator.ownerUnit.name })}
          </p>
        )}
        <div role="status" className="ws-live" ref={live}>
          {announcement && <p className={announcement.kind === 'conflict' ? 'notice notice-error' : 'ws-saved'}>{announcement.message}</p>}
        </div>
        {state.error && (
          <div className="notice notice-error" role="alert">
            <p>{t('workspace.history.loadFailed')}</p>
            <p>{t(`errors.${state.error.code}`)}</p>
          </div>
        )}
        {state.readings === null ? (
          !state.error && <p className="notice">{t('common.loading')}</p>
        ) : (
          <ReadingsTable
            indicator={indicator}
            board={board}
            readings={state}
            mayCorrect={mayCorrect}
            reload={reload}
            onAnnounce={(message, kind, readingId) => setAnnouncement({ message, kind, readingId })}
          />
        )}
      </section>
    </>
  );
}

/** `/workspace/indicators/<id>`: every reading of one indicator, its revisions, corrections and trend. */
export function IndicatorHistoryPage() {
  const t = useT();
  const path = usePathname();
  const indicatorId = indicatorIdOfPath(path);
  return (
    <SignedInFrame path={path} title={t('workspace.history.title')}>
      {(user) => <LiveBoard path={path}>{(board) => <History user={user} board={board} indicatorId={indicatorId} />}</LiveBoard>}
    </SignedInFrame>
  );
}
