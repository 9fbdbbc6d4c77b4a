import { useId, useMemo, useRef } from 'react';
import type { PlanImportPreview, PlanImportResult } from '../../../api/plan';
import { useT } from '../../../i18n';
import { CheckedFileSection } from '../../../components/import/CheckedFileSection';
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
              <CheckedFileSection
                flow={flow}
                preview={preview}
                result={steps.result}
                level="h3"
                headingId={`${id}-preview`}
                headingRef={previewHeading}
                onCommitted={onCommitted}
                onStartOver={startOver}
              />
            </div>
          )}
        </>
      )}
    </section>
  );
}
