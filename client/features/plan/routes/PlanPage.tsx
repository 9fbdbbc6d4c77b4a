import { useCallback, useId, useMemo, useRef, useState } from 'react';
import type { Term } from '../../../../shared/api/plan';
import { useQuery } from '@tanstack/react-query';
import { queries, useInvalidate } from '../../../api/queries';
import { PageFrame } from '../../../ui/PageFrame';
import { LoadError } from '../../../ui/Notice';
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
  const planHeadingId = useId();
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
      <section className="panel" aria-labelledby={termsHeadingId}>
        <div className="panel-heading">
          <h2 id={termsHeadingId} ref={termsHeading} tabIndex={-1}>
            {t('admin.plan.terms.heading')}
          </h2>
          <div className="panel-heading-meta">
            <button
              type="button"
              ref={createButton}
              className="button button-small"
              onClick={() => setCreating((open) => !open)}
              aria-expanded={creating}
            >
              {t('admin.plan.createTerm.open')}
            </button>
            <button type="button" className="button button-small" onClick={onTermsChanged}>
              {t('admin.refresh')}
            </button>
          </div>
        </div>
        {terms.error && <LoadError error={terms.error} message="admin.plan.loadFailed" />}
        {creating && terms.data && (
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
        )}
        {terms.data === undefined ? (
          !terms.error && <p className="notice">{t('common.loading')}</p>
        ) : terms.data.length === 0 ? (
          <p className="notice">{t('admin.plan.terms.empty')}</p>
        ) : (
          <TermsTable terms={terms.data} captionId={termsHeadingId} onChanged={onTermsChanged} onAnnounce={setAnnouncement} />
        )}
      </section>

      <section className="panel" aria-labelledby={planHeadingId}>
        <div className="panel-heading">
          <h2 id={planHeadingId}>{current ? t('admin.plan.current.heading', { name: current.term.name }) : t('admin.plan.title')}</h2>
        </div>
        {board.error && <LoadError error={board.error} message="admin.plan.boardFailed" />}
        {units.error && <LoadError error={units.error} message="admin.units.loadFailed" />}
        {current === null ? (
          !board.error && <p className="notice">{t('common.loading')}</p>
        ) : (
          <CurrentPlan board={current} units={tree} onChanged={reloadBoard} onAnnounce={setAnnouncement} />
        )}
      </section>

      {current && <PlanImport key={current.term.id} term={current.term} onImported={reloadBoard} />}
    </>
  );
}

/** `/admin/plan`: admins only. */
export function PlanPage() {
  return (
    <PageFrame path={PLAN_PATH} title="admin.plan.title" intro="admin.plan.intro">
      {() => <PlanManager />}
    </PageFrame>
  );
}
