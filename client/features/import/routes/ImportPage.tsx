import type { ImportPreview, ImportResult } from '../../../../shared/api/imports';
import type { SessionUser } from '../../../../shared/api/session';
import { CheckedFileSection } from '../../../components/import/CheckedFileSection';
import { ImportUploadForm } from '../../../components/import/ImportUploadForm';
import { useImportSteps } from '../../../components/import/useImportSteps';
import { IMPORT_PATH } from '../../../paths/workspace';
import { readingsFileImport } from '../components/readingsFileImport';
import { PageHeader, signedInPage } from '../../../ui/SignedInFrame';
import { useT } from '../../../i18n';

function Importer({ user }: { user: SessionUser }) {
  const t = useT();
  const { preview, result, previewHeading, showPreview, showResult, startOver } = useImportSteps<ImportPreview, ImportResult>();

  return (
    <>
      <PageHeader title={t('workspace.import.title')} intro={t('workspace.import.intro')} />
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
              <CheckedFileSection
                flow={readingsFileImport}
                preview={preview}
                result={result}
                level="h2"
                headingId="ws-preview-heading"
                headingRef={previewHeading}
                onCommitted={showResult}
                onStartOver={startOver}
              />
            </section>
          )}
        </>
      )}
    </>
  );
}

/** `/workspace/import`: readings from a CSV or XLSX file, checked as a whole before anything is written. */
export const ImportPage = signedInPage(IMPORT_PATH, 'workspace.import.title', Importer);
