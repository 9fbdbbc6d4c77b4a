import { useId, useState } from 'react';
import { asApiError } from '../../api';
import { commitPlanImport, type PlanImportPreview, type PlanImportResult } from '../../api/plan';
import { useT, type MessageKey } from '../../i18n';
import { goToLogin } from '../../pages/LoginPage';
import { FormErrors } from '../workspace/FormErrors';
import { PLAN_PATH } from './paths';

interface Props {
  preview: PlanImportPreview;
  result: PlanImportResult | null;
  onCommitted: (result: PlanImportResult) => void;
  onStartOver: () => void;
}

/**
 * The verdict on a previewed plan file and the one button that writes it. Every row goes in or
 * none, so one row in error holds back the file: the button stays disabled, and says why.
 */
export function PlanImportCommitPanel({ preview, result, onCommitted, onStartOver }: Props) {
  const t = useT();
  const id = useId();
  const [committing, setCommitting] = useState(false);
  const [errors, setErrors] = useState<MessageKey[]>([]);
  const { counts } = preview;
  const blocked: MessageKey | null =
    counts.error > 0 ? 'admin.plan.import.blockedByErrors' : counts.new === 0 ? 'admin.plan.import.nothingNew' : null;

  async function onCommit() {
    if (committing || blocked || result) return;
    setCommitting(true);
    setErrors([]);
    try {
      onCommitted(await commitPlanImport(preview.id));
    } catch (caught) {
      const error = asApiError(caught);
      if (error.status === 401 && error.code === 'unauthenticated') goToLogin(PLAN_PATH);
      const hint: MessageKey[] =
        error.status === 409 ? ['admin.plan.import.commitConflict'] : error.status === 400 ? ['admin.plan.import.commitInvalid'] : [];
      setErrors([`errors.${error.code}`, ...hint]);
    } finally {
      setCommitting(false);
    }
  }

  return (
    <div className="ws-commit">
      <p className="ws-counts">
        <span className="badge ws-import-new">{t('admin.plan.import.countNew', { count: counts.new })}</span>
        <span className="badge ws-import-error">{t('admin.plan.import.countError', { count: counts.error })}</span>
      </p>
      {!result && <p className="field-hint">{t('admin.plan.import.dryRun', { file: preview.fileName })}</p>}
      <FormErrors errors={errors} />
      <div role="status" className="ws-live">
        {result && (
          <p className="ws-saved">
            {t('admin.plan.import.committed', { imported: result.imported, groupsCreated: result.groupsCreated })}
          </p>
        )}
      </div>
      {!result && blocked && (
        <p className={counts.error > 0 ? 'notice notice-error' : 'notice'} id={`${id}-blocked`}>
          {t(blocked, { count: counts.error })}
        </p>
      )}
      <div className="form-actions">
        {!result && (
          <button
            type="button"
            className="button button-primary"
            onClick={onCommit}
            disabled={committing || blocked !== null}
            aria-describedby={blocked ? `${id}-blocked` : undefined}
          >
            {committing ? t('admin.plan.import.committing') : t('admin.plan.import.commit')}
          </button>
        )}
        <button type="button" className="button" onClick={onStartOver} disabled={committing}>
          {t('admin.plan.import.startOver')}
        </button>
      </div>
    </div>
  );
}
