import { useId, useState } from 'react';
import { auditCsvHref, type AuditFilters } from '../../../api/admin';
import { adminPage } from '../../../ui/PageFrame';
import { AuditFilterForm } from '../components/AuditFilterForm';
import { AuditTable } from '../components/AuditTable';
import { ListPanel } from '../../../ui/ListPanel';
import { AUDIT_PATH } from '../../../paths/admin';
import { useAuditLog } from '../api/useAuditLog';
import { useT } from '../../../i18n';
import '../../../styles/admin.css';

/** The audit log, for an admin: filter, read page by page, download as CSV. */
function AuditLog() {
  const t = useT();
  const listHeadingId = useId();
  const csvHintId = useId();
  const [filters, setFilters] = useState<AuditFilters>({});
  const { state, loadMore } = useAuditLog(filters);
  const { entries } = state;

  return (
    <>
      <section className="panel">
        <AuditFilterForm applied={filters} onApply={setFilters} />
      </section>

      <ListPanel
        heading="admin.audit.list.heading"
        headingId={listHeadingId}
        meta={
          <>
            <span className="screen-muted" id={csvHintId}>
              {t('admin.audit.filters.csvHint')}
            </span>
            {/* A plain link: the browser downloads with the session cookie, the server names the file. */}
            <a className="button button-small" href={auditCsvHref(filters)} download aria-describedby={csvHintId}>
              {t('admin.audit.filters.csv')}
            </a>
          </>
        }
        error={state.error}
        loadFailed="admin.audit.loadFailed"
        items={entries}
        busy={state.loading}
        empty="admin.audit.list.empty"
      >
        {(shown) => (
          <>
            <AuditTable entries={shown} captionId={listHeadingId} />
            <div className="audit-more">
              <p className="screen-muted" role="status">
                {state.loading
                  ? t('admin.audit.list.loadingMore')
                  : `${t('admin.audit.list.shown', { count: shown.length })}${state.hasMore ? '' : ` ${t('admin.audit.list.end')}`}`}
              </p>
              {state.hasMore && (
                <button type="button" className="button" onClick={loadMore} disabled={state.loading}>
                  {t('admin.audit.list.more')}
                </button>
              )}
            </div>
          </>
        )}
      </ListPanel>
    </>
  );
}

/** `/admin/audit`: admins only. */
export const AuditPage = adminPage({ path: AUDIT_PATH, title: 'admin.audit.title', intro: 'admin.audit.intro' }, AuditLog);
