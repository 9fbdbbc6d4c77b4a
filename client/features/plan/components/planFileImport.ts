import {
  commitPlanImport,
  PLAN_IMPORT_MAX_BYTES,
  planImportTemplateUrl,
  uploadPlanImport,
  type PlanImportPreview,
  type PlanImportResult,
} from '../../../api/plan';
import { hasMessage } from '../../../i18n';
import { fieldMessages } from '../../../ui/fieldErrors';
import type { SpreadsheetImport } from '../../../components/import/spreadsheetImport';
import { plainNumber } from '../../../components/valueTexts';
import { PLAN_PATH } from '../../../paths/plan';

/**
 * The messages of the plan import: one written for a field and code
 * (`admin.plan.import.field.target.custom`), else one for the code on any field
 * (`admin.plan.import.fieldError.unknown_unit`), else the shared ones. A nested path
 * (`milestones.2.value`) is told on its column.
 */
const planImportFields = fieldMessages({
  field: 'admin.plan.import.field',
  code: 'admin.plan.import.fieldError',
  onArray: true,
});

/**
 * Indicator definitions for a term from an XLSX or CSV file (`/admin/plan`), one a row.
 * A commit is refused with 409 once committed, with 400 when the plan has changed meanwhile.
 */
export function planFileImport(termId: number): SpreadsheetImport<PlanImportPreview, PlanImportResult> {
  return {
    messages: 'admin.plan.import',
    path: PLAN_PATH,
    fields: planImportFields,
    maxBytes: PLAN_IMPORT_MAX_BYTES,
    upload: (file) => uploadPlanImport(termId, file),
    commit: commitPlanImport,
    commitHints: ({ status }) =>
      status === 409 ? ['admin.plan.import.commitConflict'] : status === 400 ? ['admin.plan.import.commitInvalid'] : [],
    form: {
      templates: {
        intro: 'admin.plan.import.templateHint',
        links: [{ href: planImportTemplateUrl(termId), label: 'admin.plan.import.template' }],
      },
      submit: 'admin.plan.import.preview',
      submitting: 'admin.plan.import.previewing',
    },
    columns: [
      { heading: 'admin.plan.import.column.code', className: 'ws-code', cell: (row) => row.code },
      { heading: 'admin.plan.import.column.name', className: 'ws-text', cell: (row) => row.name },
      { heading: 'admin.plan.import.column.group', className: 'ws-text', cell: (row) => row.group },
      { heading: 'admin.plan.import.column.ownerUnit', className: 'ws-text', cell: (row) => row.ownerUnit },
      {
        heading: 'admin.plan.import.column.measure',
        // As written when the file names no measure the plan knows.
        cell: (row, { t }) => {
          const measureName = `admin.plan.indicator.measureName.${row.measure}`;
          return row.measure !== '' && hasMessage(measureName) ? t(measureName) : row.measure;
        },
      },
      {
        heading: 'admin.plan.import.column.baselineTarget',
        className: 'ws-nowrap',
        cell: (row, { t, lang }) => {
          const target = t('admin.plan.import.targetValue', { baseline: plainNumber(row.baseline, lang), target: plainNumber(row.target, lang) });
          return row.unit ? `${target} ${row.unit}` : target;
        },
      },
    ],
  };
}
