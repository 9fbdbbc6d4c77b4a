import { useId, useMemo, useRef } from 'react';
import type { PlanImportPreview, PlanImportResult } from '../../../api/plan';
import { useT } from '../../../i18n';
import { ImportCommitPanel } from '../../../components/import/ImportCommitPanel';
import { ImportRowsTable } from '../../../components/import/ImportRowsTable';
import { ImportUploadForm } from '../../../components/import/ImportUploadForm';
import { useImportSteps } from '../../../components/import/useImportSteps';
import { planFileImport } from './planFileImport';

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
  const flow = useMemo(() => planFileImport(term.id), [term.id]);
  const steps = useImportSteps<PlanImportPreview, PlanImportResult>();
  const { preview, previewHeading } = steps;
  const sectionHeading = useRef<HTMLHeadingElement>(null);

  function onCommitted(next: PlanImportResult) {
    // The panel says so in its own live region, beside the button.
    steps.showResult(next);
    onImported();
  }

  function startOver() {
    steps.startOver();
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
          {!preview && <ImportUploadForm flow={flow} onPreview={steps.showPreview} />}
          {preview && (
            <div className="plan-import-preview">
              <h3 id={`${id}-preview`} ref={previewHeading} tabIndex={-1}>
                {t('admin.plan.import.previewHeading', { file: preview.fileName })}
              </h3>
              <ImportCommitPanel
                key={preview.id}
                flow={flow}
                preview={preview}
                result={steps.result}
                onCommitted={onCommitted}
                onStartOver={startOver}
              />
              <ImportRowsTable key={`rows-${preview.id}`} flow={flow} preview={preview} />
            </div>
          )}
        </>
      )}
    </section>
  );
}
