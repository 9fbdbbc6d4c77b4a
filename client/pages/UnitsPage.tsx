import { useCallback, useId, useMemo, useRef, useState } from 'react';
import type { UnitDetail } from '../../shared/api/units';
import { getBoard } from '../api';
import { listUsers } from '../api/admin';
import { listUnitDetails } from '../api/plan';
import { AdminShell } from '../components/admin/AdminShell';
import { LoadError } from '../components/admin/LoadError';
import { useLoaded } from '../hooks/useLoaded';
import { CreateUnitForm } from '../components/units/CreateUnitForm';
import { MergedUnitsList } from '../components/units/MergedUnitsList';
import { MergeUnitsForm } from '../components/units/MergeUnitsForm';
import { UNITS_ADMIN_PATH } from '../components/units/paths';
import { activeTree } from '../components/units/unitOptions';
import { UnitTreeList } from '../components/units/UnitTreeList';
import { useT } from '../i18n';
import '../styles/admin.css';
import '../styles/plan.css';

const loadBoard = (signal: AbortSignal) => getBoard({ signal });

/** The unit tree with its history; rename, move, add and merge. */
function UnitsManager() {
  const t = useT();
  const treeHeadingId = useId();
  const historyHeadingId = useId();
  const createHeadingId = useId();
  const mergeHeadingId = useId();
  const treeHeading = useRef<HTMLHeadingElement>(null);
  const units = useLoaded(listUnitDetails);
  // What a merge moves, to say so before it is done; the page works without them.
  const board = useLoaded(loadBoard);
  const users = useLoaded(listUsers);
  const [announcement, setAnnouncement] = useState('');
  const all = useMemo(() => units.state.data ?? [], [units.state.data]);
  const tree = useMemo(() => activeTree(all), [all]);
  const merged = all.filter((unit) => unit.mergedIntoId !== null);
  const reloadUnits = units.reload;
  const reloadBoard = board.reload;
  const reloadUsers = users.reload;

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
          <section className="panel" aria-labelledby={treeHeadingId}>
            <div className="panel-heading">
              <h2 id={treeHeadingId} ref={treeHeading} tabIndex={-1}>
                {t('admin.orgUnits.tree.heading')}
              </h2>
              <div className="panel-heading-meta">
                {units.state.data && <span className="screen-muted">{t('admin.orgUnits.tree.count', { count: tree.length })}</span>}
                <button type="button" className="button button-small" onClick={reloadUnits}>
                  {t('admin.refresh')}
                </button>
              </div>
            </div>
            {units.state.error && <LoadError error={units.state.error} message="admin.orgUnits.loadFailed" path={UNITS_ADMIN_PATH} />}
            {units.state.data === null ? (
              !units.state.error && <p className="notice">{t('common.loading')}</p>
            ) : tree.length === 0 ? (
              <p className="notice">{t('admin.orgUnits.tree.empty')}</p>
            ) : (
              <UnitTreeList units={all} tree={tree} labelledBy={treeHeadingId} onChanged={onChanged} />
            )}
          </section>
          {merged.length > 0 && (
            <section className="panel" aria-labelledby={historyHeadingId}>
              <h2 id={historyHeadingId}>{t('admin.orgUnits.history.heading')}</h2>
              <p className="screens-intro">{t('admin.orgUnits.history.intro')}</p>
              <MergedUnitsList units={all} labelledBy={historyHeadingId} />
            </section>
          )}
        </div>
        <div>
          <section className="panel" aria-labelledby={createHeadingId}>
            <h2 id={createHeadingId}>{t('admin.orgUnits.create.heading')}</h2>
            <CreateUnitForm tree={tree} onCreated={onCreated} />
          </section>
          <section className="panel" aria-labelledby={mergeHeadingId}>
            <h2 id={mergeHeadingId}>{t('admin.orgUnits.merge.heading')}</h2>
            <MergeUnitsForm
              units={all}
              tree={tree}
              indicators={board.state.data?.indicators ?? null}
              users={users.state.data}
              onMerged={onMerged}
            />
          </section>
        </div>
      </div>
    </>
  );
}

/** `/admin/units`: admins only. */
export function UnitsPage() {
  return (
    <AdminShell path={UNITS_ADMIN_PATH} title="admin.orgUnits.title" intro="admin.orgUnits.intro">
      {() => <UnitsManager />}
    </AdminShell>
  );
}
