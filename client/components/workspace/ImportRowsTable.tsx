import { useId, useState } from 'react';
import type { ImportPreview, ImportRow } from '../../../shared/api/imports';
import { isIsoDate } from '../../../shared/time/dates';
import { formatDate } from '../../format';
import { hasMessage, useLang, useT } from '../../i18n';
import { workspaceFields } from './fieldMessages';
import { plainNumber } from './valueTexts';

function RowErrors({ errors }: { errors: ImportRow['errors'] }) {
  const t = useT();
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <ul className="ws-row-errors">
      {entries.map(([field, code]) => {
        const column = `workspace.import.column.${field}`;
        return (
          <li key={field}>
            <span className="ws-row-error-field">{hasMessage(column) ? t(column) : field}:</span> {t(workspaceFields.message(field, code))}
          </li>
        );
      })}
    </ul>
  );
}

function ImportRowLine({ row }: { row: ImportRow }) {
  const t = useT();
  const lang = useLang();
  const figure =
    row.numerator !== null || row.denominator !== null
      ? `${plainNumber(row.numerator, lang)}/${plainNumber(row.denominator, lang)}`
      : plainNumber(row.value, lang);
  return (
    <tr className={`ws-import-row is-${row.status}`} data-row={row.row}>
      <th scope="row" className="ws-number">
        {row.row}
      </th>
      <td className="ws-code">{row.code}</td>
      <td className="ws-nowrap">{isIsoDate(row.date) ? formatDate(row.date, lang) : row.date}</td>
      <td className="ws-number">{figure}</td>
      <td className="ws-text">{row.note}</td>
      <td className="ws-text">{row.evidence}</td>
      <td>
        <span className={`badge ws-import-${row.status}`}>{t(`workspace.import.status.${row.status}`)}</span>
      </td>
      <td>
        <RowErrors errors={row.errors} />
      </td>
    </tr>
  );
}

/** The rows of a previewed file, each with its verdict and its errors in words. */
export function ImportRowsTable({ preview }: { preview: ImportPreview }) {
  const t = useT();
  const id = useId();
  const [errorsOnly, setErrorsOnly] = useState(preview.counts.error > 0);
  const rows = errorsOnly ? preview.rows.filter((row) => row.status === 'error') : preview.rows;

  return (
    <>
      {preview.counts.error > 0 && (
        <label className="ws-check">
          <input type="checkbox" checked={errorsOnly} onChange={(event) => setErrorsOnly(event.target.checked)} />
          {t('workspace.import.errorsOnly', { count: preview.counts.error })}
        </label>
      )}
      <div className="table-scroll">
        <table className="ws-table ws-import-table" aria-describedby={`${id}-caption`}>
          <caption className="visually-hidden" id={`${id}-caption`}>
            {t('workspace.import.tableCaption', { file: preview.fileName })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('workspace.import.column.row')}</th>
              <th scope="col">{t('workspace.import.column.code')}</th>
              <th scope="col">{t('workspace.import.column.date')}</th>
              <th scope="col">{t('workspace.import.column.value')}</th>
              <th scope="col">{t('workspace.import.column.note')}</th>
              <th scope="col">{t('workspace.import.column.evidence')}</th>
              <th scope="col">{t('workspace.import.column.status')}</th>
              <th scope="col">{t('workspace.import.column.errors')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <ImportRowLine key={row.row} row={row} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
