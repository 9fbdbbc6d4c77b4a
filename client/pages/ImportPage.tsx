import { useRef, useState } from 'react';
import type { ImportPreview, ImportResult } from '../../shared/api/imports';
import type { SessionUser } from '../../shared/api/session';
import { ImportCommitPanel } from '../components/workspace/ImportCommitPanel';
import { ImportRowsTable } from '../components/workspace/ImportRowsTable';
import { ImportUploadForm } from '../components/workspace/ImportUploadForm';
import { IMPORT_PATH } from '../components/workspace/paths';
import { SignedInFrame } from '../components/workspace/SignedInFrame';
import { useT } from '../i18n';

function Importer({ user }: { user: SessionUser }) {
  const t = useT();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);

  function showPreview(next: ImportPreview) {
    setPreview(next);
    setResult(null);
    // The answer to the upload is below the form: take the reader there.
    requestAnimationFrame(() => previewHeading.current?.focus());
  }

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
              <ImportUploadForm onPreview={showPreview} />
            </section>
          )}
          {preview && (
            <section className="panel" aria-labelledby="ws-preview-heading">
              <h2 id="ws-preview-heading" ref={previewHeading} tabIndex={-1}>
                {t('workspace.import.previewHeading', { file: preview.fileName })}
              </h2>
              <ImportCommitPanel
                key={preview.id}
                preview={preview}
                result={result}
                onCommitted={setResult}
                onStartOver={() => {
                  setPreview(null);
                  setResult(null);
                }}
              />
              <ImportRowsTable key={preview.id} preview={preview} />
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
