import { IMPORT_COLUMNS, IMPORT_MAX_BYTES, type ImportPreview, type ImportResult, type ImportRow } from '../../../../shared/api/imports';
import { IMPORT_HEADERS } from '../../../../shared/api/spreadsheet-headers';
import { isIsoDate } from '../../../../shared/time/dates';
import { commitImport, IMPORT_TEMPLATE_CSV, IMPORT_TEMPLATE_XLSX, uploadImport } from '../../../api/workspace';
import { formatDate } from '../../../format';
import type { Lang } from '../../../i18n';
import type { SpreadsheetImport } from '../../../components/import/spreadsheetImport';
import { workspaceFields } from '../../../components/workspaceFields';
import { IMPORT_PATH } from '../../../paths/workspace';
import { plainNumber } from '../../../components/valueTexts';

/** A row's figure as written in the file: the value, or a ratio's two figures. */
function figure(row: ImportRow, lang: Lang): string {
  return row.numerator !== null || row.denominator !== null
    ? `${plainNumber(row.numerator, lang)}/${plainNumber(row.denominator, lang)}`
    : plainNumber(row.value, lang);
}

/** Readings from a CSV or XLSX file (`/workspace/import`): an indicator, a date and a figure a row. */
export const readingsFileImport: SpreadsheetImport<ImportPreview, ImportResult> = {
  messages: 'workspace.import',
  path: IMPORT_PATH,
  fields: workspaceFields,
  maxBytes: IMPORT_MAX_BYTES,
  upload: uploadImport,
  commit: commitImport,
  commitHints: (error) => (error.code === 'conflict' ? ['workspace.import.commitConflict'] : []),
  form: {
    heading: 'workspace.import.uploadHeading',
    templates: {
      intro: 'workspace.import.templatesIntro',
      introParams: { columns: IMPORT_COLUMNS.map((column) => IMPORT_HEADERS[column]).join(', ') },
      links: [
        { href: IMPORT_TEMPLATE_CSV, label: 'workspace.import.templateCsv' },
        { href: IMPORT_TEMPLATE_XLSX, label: 'workspace.import.templateXlsx' },
      ],
    },
    submit: 'workspace.import.upload',
    submitting: 'workspace.import.uploading',
  },
  columns: [
    { heading: 'workspace.import.column.code', className: 'ws-code', cell: (row) => row.code },
    {
      heading: 'workspace.import.column.date',
      className: 'ws-nowrap',
      cell: (row, { lang }) => (isIsoDate(row.date) ? formatDate(row.date, lang) : row.date),
    },
    { heading: 'workspace.import.column.value', className: 'ws-number', cell: (row, { lang }) => figure(row, lang) },
    { heading: 'workspace.import.column.note', className: 'ws-text', cell: (row) => row.note },
    { heading: 'workspace.import.column.evidence', className: 'ws-text', cell: (row) => row.evidence },
  ],
};
