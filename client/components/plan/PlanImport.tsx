import { useId, useRef, useState } from 'react';
import type { PlanImportPreview, PlanImportResult } from '../../api/plan';
import { useT } from '../../i18n';
import { PlanImportCommitPanel } from './PlanImportCommitPanel';
import { PlanImportRowsTable } from './PlanImportRowsTable';
import { PlanImportUploadForm } from './PlanImportUploadForm';

interface Props {
  term: { id: number; name: string; closed: boolean };
  /** After a commit: the plan is asked for again. */
  onImported: () => void;
}

/**
 * "Import the plan from an Excel file": a file of indicator definitions for the current term,
 * checked row by row (a dry run), then written all at once, or not at all while a row is in error.
 */
export function PlanImport({ term, onImported }: Props) {
  const t = useT();
  const id = useId();
  const [preview, setPreview] = useState<PlanImportPreview | null>(null);
  const [result, setResult] = useState<PlanImportResult | null>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const sectionHeading = useRef<HTMLHeadingElement>(null);

  function showPreview(next: PlanImportPreview) {
    setPreview(next);
    setResult(null);
    // The answer to the upload replaces the form: take the reader there.
    requestAnimationFrame(() => previewHeading.current?.focus());
  }

  function onCommitted(next: PlanImportResult) {
    // The panel says so in its own live region, beside the button.
    setResult(next);
    onImported();
  }

  function startOver() {
    setPreview(null);
    setResult(null);
    requestAnimationFrame(() => sectionHeading.current?.focus());
  }

  return (
    <section className="panel plan-import" aria-labelledby={`${id}-heading`}>
      <div className="panel-heading">
        <h2 id={`${id}-heading`} ref={sectionHeading} tabIndex={-1}>
          {t('admin.plan.import.heading')}
        </h2>
      </div>
      {term.closed ? (
        <p className="notice">{t('admin.plan.import.closed')}</p>
      ) : (
        <>
          <p className="field-hint">{t('admin.plan.import.intro', { name: term.name })}</p>
          {!preview && <PlanImportUploadForm termId={term.id} onPreview={showPreview} />}
          {preview && (
            <div className="plan-import-preview">
              <h3 id={`${id}-preview`} ref={previewHeading} tabIndex={-1}>
                {t('admin.plan.import.previewHeading', { file: preview.fileName })}
              </h3>
              <PlanImportCommitPanel
                key={preview.id}
                preview={preview}
                result={result}
                onCommitted={onCommitted}
                onStartOver={startOver}
              />
              <PlanImportRowsTable key={`rows-${preview.id}`} preview={preview} />
            </div>
          )}
        </>
      )}
    </section>
  );
}
