import type { ImportPreview, ImportResult } from '../../../../shared/api/imports';
import type { SessionUser } from '../../../../shared/api/session';
import { ImportCommitPanel } from '../../../components/import/ImportCommitPanel';
import { ImportRowsTable } from '../../../components/import/ImportRowsTable';
import { ImportUploadForm } from '../../../components/import/ImportUploadForm';
import { useImportSteps } from '../../../components/import/useImportSteps';
import { IMPORT_PATH } from '../../../paths/workspace';
import { readingsFileImport } from '../components/readingsFileImport';
import { SignedInFrame } from '../../../ui/SignedInFrame';
import { useT } from '../../../i18n';

function Importer({ user }: { user: SessionUser }) {
  const t = useT();
  const { preview, result, previewHeading, showPreview, showResult, startOver } = useImportSteps<ImportPreview, ImportResult>();

  return (
    <>
      <div className="ws-header">
        <h1>{t('workspace.import.title')}</h1>
        <p className="ws-intro">{t('workspace.import.intro')}</p>
      </div>
      {user.role === 'viewer' ? (
        <p className="notice" role="status">
          {t('workspace.list.noneViewer')}
        </p>
      ) : (
        <>
          {!preview && (
            <section className="panel">
              <ImportUploadForm flow={readingsFileImport} onPreview={showPreview} />
            </section>
          )}
          {preview && (
            <section className="panel" aria-labelledby="ws-preview-heading">
              <h2 id="ws-preview-heading" ref={previewHeading} tabIndex={-1}>
                {/* Once written, the page tells what was done, no longer what a check found. */}
                {t(result ? 'workspace.import.committedHeading' : 'workspace.import.previewHeading', { file: preview.fileName })}
              </h2>
              <ImportCommitPanel
                key={preview.id}
                flow={readingsFileImport}
                preview={preview}
                result={result}
                onCommitted={showResult}
                onStartOver={startOver}
              />
              <ImportRowsTable key={preview.id} flow={readingsFileImport} preview={preview} />
            </section>
          )}
        </>
      )}
    </>
  );
}

/** `/workspace/import`: readings from a CSV or XLSX file, checked as a whole before anything is written. */
export function ImportPage() {
  const t = useT();
  return (
    <SignedInFrame path={IMPORT_PATH} title={t('workspace.import.title')}>
      {(user) => <Importer user={user} />}
    </SignedInFrame>
  );
}
