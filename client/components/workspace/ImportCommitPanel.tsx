import { useId, useState } from 'react';
import type { ImportPreview, ImportResult } from '../../../shared/api/imports';
import { asApiError } from '../../api';
import { commitImport } from '../../api/workspace';
import { useT, type MessageKey } from '../../i18n';
import { goToLogin } from '../../pages/LoginPage';
import { FormErrors } from './FormErrors';
import { IMPORT_PATH } from './paths';

interface Props {
  preview: ImportPreview;
  result: ImportResult | null;
  onCommitted: (result: ImportResult) => void;
  onStartOver: () => void;
}

/**
 * The verdict on a previewed file and the one button that writes it. All rows go in one
 * transaction or none, so a single row in error holds back the whole file: the button stays
 * disabled, and says why.
 */
export function ImportCommitPanel({ preview, result, onCommitted, onStartOver }: Props) {
  const t = useT();
  const id = useId();
  const [committing, setCommitting] = useState(false);
  const [errors, setErrors] = useState<MessageKey[]>([]);
  const { counts } = preview;
  const blocked: MessageKey | null =
    counts.error > 0 ? 'workspace.import.blockedByErrors' : counts.new === 0 ? 'workspace.import.nothingNew' : null;

  async function onCommit() {
    if (committing || blocked || result) return;
    setCommitting(true);
    setErrors([]);
    try {
      onCommitted(await commitImport(preview.id));
    } catch (caught) {
      const error = asApiError(caught);
      if (error.status === 401 && error.code === 'unauthenticated') goToLogin(IMPORT_PATH);
      setErrors([`errors.${error.code}`, ...(error.code === 'conflict' ? (['workspace.import.commitConflict'] as const) : [])]);
    } finally {
      setCommitting(false);
    }
  }

  return (
    <div className="ws-commit">
      <p className="ws-counts">
        <span className="badge ws-import-new">{t('workspace.import.countNew', { count: counts.new })}</span>
        <span className="badge ws-import-duplicate">{t('workspace.import.countDuplicate', { count: counts.duplicate })}</span>
        <span className="badge ws-import-error">{t('workspace.import.countError', { count: counts.error })}</span>
      </p>
      {!result && <p className="field-hint">{t('workspace.import.dryRun', { file: preview.fileName })}</p>}
      <FormErrors errors={errors} />
      <div role="status" className="ws-live">
        {result && (
          <p className="ws-saved">{t('workspace.import.committed', { imported: result.imported, skipped: result.skipped })}</p>
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
            {committing ? t('workspace.import.committing') : t('workspace.import.commit', { count: counts.new })}
          </button>
        )}
        <button type="button" className="button" onClick={onStartOver} disabled={committing}>
          {t('workspace.import.startOver')}
        </button>
      </div>
    </div>
  );
}
