import { useCallback, useId, useMemo, useRef, useState } from 'react';
import type { UnitDetail } from '../../../../shared/api/units';
import { useQuery } from '@tanstack/react-query';
import { queries, useInvalidate } from '../../../api/queries';
import { adminPage } from '../../../ui/PageFrame';
import { ListPanel, Panel } from '../../../ui/ListPanel';
import { CreateUnitForm } from '../components/CreateUnitForm';
import { MergedUnitsList } from '../components/MergedUnitsList';
import { MergeUnitsForm } from '../components/MergeUnitsForm';
import { UNITS_ADMIN_PATH } from '../../../paths/units';
import { activeTree } from '../../../components/unitOptions';
import { UnitTreeList } from '../components/UnitTreeList';
import { useT } from '../../../i18n';
import '../../../styles/admin.css';
import '../../../styles/plan.css';

/** Both readings of /api/units: the tree with its history, and the plain list. */
const ALL_UNITS = ['units'];

/** The unit tree with its history; rename, move, add and merge. */
function UnitsManager() {
  const t = useT();
  const treeHeadingId = useId();
  const historyHeadingId = useId();
  const treeHeading = useRef<HTMLHeadingElement>(null);
  const units = useQuery(queries.unitDetails);
  // What a merge moves, to say so before it is done; the page works without them.
  const board = useQuery(queries.board);
  const users = useQuery(queries.users);
  const [announcement, setAnnouncement] = useState('');
  const all = useMemo(() => units.data ?? [], [units.data]);
  const tree = useMemo(() => activeTree(all), [all]);
  const merged = all.filter((unit) => unit.mergedIntoId !== null);
  // A unit's change shows in the tokens', users' and plan's unit pickers too.
  const reloadUnits = useInvalidate(ALL_UNITS);
  const reloadBoard = useInvalidate(queries.board.queryKey);
  const reloadUsers = useInvalidate(queries.users.queryKey);

  const onChanged = useCallback(
    (message: string) => {
      setAnnouncement(message);
      reloadUnits();
    },
    [reloadUnits],
  );

  const onCreated = useCallback(
    (unit: UnitDetail) => onChanged(t('admin.orgUnits.create.done', { name: unit.name })),
    [onChanged, t],
  );

  const onMerged = useCallback(
    (unit: UnitDetail) => {
      onChanged(t('admin.orgUnits.merge.done', { name: unit.name }));
      reloadBoard();
      reloadUsers();
      treeHeading.current?.focus();
    },
    [onChanged, reloadBoard, reloadUsers, t],
  );

  return (
    <>
      <p className="screens-announcement plan-announcement" role="status">
        {announcement}
      </p>
      <div className="unit-columns">
        <div>
          <ListPanel
            heading="admin.orgUnits.tree.heading"
            headingId={treeHeadingId}
            headingRef={treeHeading}
            meta={units.data && <span className="screen-muted">{t('admin.orgUnits.tree.count', { count: tree.length })}</span>}
            onRefresh={reloadUnits}
            error={units.error}
            loadFailed="admin.orgUnits.loadFailed"
            items={units.data && tree}
            empty="admin.orgUnits.tree.empty"
          >
            {(roots) => <UnitTreeList units={all} tree={roots} labelledBy={treeHeadingId} onChanged={onChanged} />}
          </ListPanel>
          {merged.length > 0 && (
            <Panel heading="admin.orgUnits.history.heading" headingId={historyHeadingId}>
              <p className="screens-intro">{t('admin.orgUnits.history.intro')}</p>
              <MergedUnitsList units={all} labelledBy={historyHeadingId} />
            </Panel>
          )}
        </div>
        <div>
          <Panel heading="admin.orgUnits.create.heading">
            <CreateUnitForm tree={tree} onCreated={onCreated} />
          </Panel>
          <Panel heading="admin.orgUnits.merge.heading">
            <MergeUnitsForm
              units={all}
              tree={tree}
              indicators={board.data?.indicators ?? null}
              users={users.data ?? null}
              onMerged={onMerged}
            />
          </Panel>
        </div>
      </div>
    </>
  );
}

/** `/admin/units`: admins only. */
export const UnitsPage = adminPage({ path: UNITS_ADMIN_PATH, title: 'admin.orgUnits.title', intro: 'admin.orgUnits.intro' }, UnitsManager);
