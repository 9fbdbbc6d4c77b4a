import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Board } from '../../../../shared/api/board';
import type { CreatedDisplay, Display, PairedDisplay } from '../../../../shared/api/displays';
import { useQuery } from '@tanstack/react-query';
import { getBoard } from '../../../api';
import { queries, useInvalidate } from '../../../api/queries';
import { adminPage, NotAllowed } from '../../../ui/PageFrame';
import { ListPanel, Panel, useListAnnouncer } from '../../../ui/ListPanel';
import { CreatedScreenNotice } from '../components/CreatedScreenNotice';
import { CreateScreenForm } from '../components/CreateScreenForm';
import { PairScreenForm } from '../components/PairScreenForm';
import type { PageOption } from '../components/ScreenCommands';
import { ScreensTable } from '../components/ScreensTable';
import { formatClock } from '../../../format';
import { useLang, useT } from '../../../i18n';

export const SCREENS_PATH = '/admin/screens';

/** How often the list (and so each screen's presence) is asked for again. */
const REFRESH_MS = 10_000;

/** The office's zone when the board (which names it) could not be read. */
const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Pages a screen can be sent to: the summary, then each group in display order. */
function pageOptions(board: Board | null, summaryLabel: string): PageOption[] {
  const groups = board ? [...board.groups].sort((a, b) => a.displayOrder - b.displayOrder || a.id - b.id) : [];
  return [{ key: 'summary', label: summaryLabel }, ...groups.map((group) => ({ key: `group-${group.id}`, label: group.name }))];
}

/** The screens of the office, for an admin: list, create, edit, command, revoke. */
function ScreensManager() {
  const t = useT();
  const lang = useLang();
  const displays = useQuery({ ...queries.displays, refetchInterval: REFRESH_MS });
  const state = { data: displays.data ?? null, error: displays.error, refreshedAt: displays.dataUpdatedAt || null };
  const refresh = useInvalidate(queries.displays.queryKey);
  const [board, setBoard] = useState<Board | null>(null);
  const [created, setCreated] = useState<CreatedDisplay | null>(null);
  const list = useListAnnouncer(refresh);

  useEffect(() => {
    const controller = new AbortController();
    // Only for the group names and the time zone: without it, the summary page is still offered.
    getBoard({ signal: controller.signal }).then(setBoard, () => {});
    return () => controller.abort();
  }, []);

  const pages = useMemo(() => pageOptions(board, t('screens.command.summary')), [board, t]);
  const timeZone = board?.timeZone ?? DEFAULT_TIME_ZONE;

  const onCreated = useCallback(
    (display: CreatedDisplay) => {
      setCreated(display);
      refresh();
    },
    [refresh],
  );

  const [paired, setPaired] = useState<PairedDisplay | null>(null);
  const onPaired = useCallback(
    (display: PairedDisplay) => {
      setPaired(display);
      refresh();
    },
    [refresh],
  );

  const { changed } = list;
  const onRevoked = useCallback((display: Display) => changed(t('screens.revoke.done', { name: display.name })), [changed, t]);

  // The role changed while the page was open. (An ended session is sent to log in by LoadError.)
  if (state.error?.status === 403) return <NotAllowed message="screens.notAllowed" />;

  return (
    <>
      <Panel heading="screens.create.heading">
        <CreateScreenForm onCreated={onCreated} />
        {created && <CreatedScreenNotice created={created} onDismiss={() => setCreated(null)} />}
      </Panel>

      <Panel heading="screens.pair.heading">
        <p className="screen-muted">{t('screens.pair.intro')}</p>
        <PairScreenForm onPaired={onPaired} />
        {paired && (
          <p className="notice" role="status">
            {t('screens.pair.done', { name: paired.name })}
          </p>
        )}
      </Panel>

      <ListPanel
        heading="screens.list.heading"
        {...list.panel}
        meta={state.refreshedAt !== null && <span className="screen-muted">{t('screens.refreshedAt', { time: formatClock(state.refreshedAt, timeZone, lang) })}</span>}
        onRefresh={refresh}
        error={state.error}
        loadFailed="screens.loadFailed"
        items={state.data}
        empty="screens.list.empty"
      >
        {(displays) => (
          <ScreensTable
            displays={displays}
            captionId={list.panel.headingId}
            pages={pages}
            timeZone={timeZone}
            onChanged={refresh}
            onAnnounce={list.setAnnouncement}
            onRevoked={onRevoked}
          />
        )}
      </ListPanel>
    </>
  );
}

/** `/admin/screens`: admins only; anyone else is sent to log in, or told they may not. */
export const ScreensPage = adminPage({ path: SCREENS_PATH, title: 'screens.title', intro: 'screens.intro', notAllowed: 'screens.notAllowed' }, ScreensManager);
