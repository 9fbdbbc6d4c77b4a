import { useCallback, useId, useMemo, useRef, useState } from 'react';
import type { Term } from '../../../../shared/api/plan';
import { useQuery } from '@tanstack/react-query';
import { queries, useInvalidate } from '../../../api/queries';
import { adminPage } from '../../../ui/PageFrame';
import { LoadError } from '../../../ui/Notice';
import { ListPanel, Panel } from '../../../ui/ListPanel';
import { CreateTermForm } from '../components/CreateTermForm';
import { CurrentPlan } from '../components/CurrentPlan';
import { PLAN_PATH } from '../../../paths/plan';
import { PlanImport } from '../components/PlanImport';
import { TermsTable } from '../components/TermsTable';
import { activeTree } from '../../../components/unitOptions';
import { useT } from '../../../i18n';
import '../../../styles/admin.css';
import '../../../styles/plan.css';
// The import's verdicts and row errors look as on the readings import.
import '../../../styles/workspace.css';

/** Terms (close, make current, open a new one) and the current term's groups and indicators. */
function PlanManager() {
  const t = useT();
  const termsHeadingId = useId();
  const termsHeading = useRef<HTMLHeadingElement>(null);
  const createButton = useRef<HTMLButtonElement>(null);
  const terms = useQuery(queries.terms);
  const board = useQuery(queries.board);
  const units = useQuery(queries.unitDetails);
  const [creating, setCreating] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const tree = useMemo(() => activeTree(units.data ?? []), [units.data]);
  const reloadTerms = useInvalidate(queries.terms.queryKey);
  const reloadBoard = useInvalidate(queries.board.queryKey);

  // Closing a term or making another current changes the board too.
  const onTermsChanged = useCallback(() => {
    reloadTerms();
    reloadBoard();
    termsHeading.current?.focus();
  }, [reloadTerms, reloadBoard]);

  const onTermCreated = useCallback(
    (term: Term) => {
      setCreating(false);
      setAnnouncement(t('admin.plan.createTerm.done', { name: term.name }));
      onTermsChanged();
    },
    [onTermsChanged, t],
  );

  const current = board.data ?? null;

  return (
    <>
      <p className="screens-announcement plan-announcement" role="status">
        {announcement}
      </p>
      <ListPanel
        heading="admin.plan.terms.heading"
        headingId={termsHeadingId}
        headingRef={termsHeading}
        meta={
          <button type="button" ref={createButton} className="button button-small" onClick={() => setCreating((open) => !open)} aria-expanded={creating}>
            {t('admin.plan.createTerm.open')}
          </button>
        }
        onRefresh={onTermsChanged}
        error={terms.error}
        loadFailed="admin.plan.loadFailed"
        before={
          creating &&
          terms.data && (
            <div className="plan-editor">
              <CreateTermForm
                terms={terms.data}
                board={current}
                onCreated={onTermCreated}
                onCancel={() => {
                  setCreating(false);
                  createButton.current?.focus();
                }}
              />
            </div>
          )
        }
        items={terms.data}
        empty="admin.plan.terms.empty"
      >
        {(termList) => <TermsTable terms={termList} captionId={termsHeadingId} onChanged={onTermsChanged} onAnnounce={setAnnouncement} />}
      </ListPanel>

      <Panel heading={current ? { text: t('admin.plan.current.heading', { name: current.term.name }) } : 'admin.plan.title'}>
        {board.error && <LoadError error={board.error} message="admin.plan.boardFailed" />}
        {units.error && <LoadError error={units.error} message="admin.units.loadFailed" />}
        {current === null ? (
          !board.error && <p className="notice">{t('common.loading')}</p>
        ) : (
          <CurrentPlan board={current} units={tree} onChanged={reloadBoard} onAnnounce={setAnnouncement} />
        )}
      </Panel>

      {current && <PlanImport key={current.term.id} term={current.term} onImported={reloadBoard} />}
    </>
  );
}

/** `/admin/plan`: admins only. */
export const PlanPage = adminPage({ path: PLAN_PATH, title: 'admin.plan.title', intro: 'admin.plan.intro' }, PlanManager);
