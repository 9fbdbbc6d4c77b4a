import { useId, useState } from 'react';
import { hasMessage, useLang, useT, type MessageParams } from '../../i18n';
import type { FieldMessages } from '../../ui/fieldErrors';
import type { CheckedFile, CheckedRow, ImportMessages, SpreadsheetImport } from './spreadsheetImport';

function RowErrors({ errors, messages, fields }: { errors: CheckedRow['errors']; messages: ImportMessages; fields: FieldMessages }) {
  const t = useT();
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <ul className="ws-row-errors">
      {entries.map(([path, code]) => {
        // A nested path (`milestones.2.value`) is told on its column.
        const field = path.split('.')[0] || '_';
        const column = `${messages}.column.${field}`;
        return (
          <li key={path}>
            <span className="ws-row-error-field">{hasMessage(column) ? t(column) : field}:</span> {t(fields.message(field, code))}
          </li>
        );
      })}
    </ul>
  );
}

interface Props<Preview extends CheckedFile, Result extends MessageParams> {
  flow: SpreadsheetImport<Preview, Result>;
  preview: Preview;
}

/** The rows of a previewed file, each with its verdict and its errors in words. */
export function ImportRowsTable<Preview extends CheckedFile, Result extends MessageParams>({ flow, preview }: Props<Preview, Result>) {
  const t = useT();
  const lang = useLang();
  const id = useId();
  const [errorsOnly, setErrorsOnly] = useState(preview.counts.error > 0);
  const rows = errorsOnly ? preview.rows.filter((row) => row.status === 'error') : preview.rows;
  const { messages, columns } = flow;

  return (
    <>
      {preview.counts.error > 0 && (
        <label className="ws-check">
          <input type="checkbox" checked={errorsOnly} onChange={(event) => setErrorsOnly(event.target.checked)} />
          {t(`${messages}.errorsOnly`, { count: preview.counts.error })}
        </label>
      )}
      <div className="table-scroll">
        <table className="ws-table ws-import-table" aria-describedby={`${id}-caption`}>
          <caption className="visually-hidden" id={`${id}-caption`}>
            {t(`${messages}.tableCaption`, { file: preview.fileName })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t(`${messages}.column.row`)}</th>
              {columns.map((column) => (
                <th key={column.heading} scope="col">
                  {t(column.heading)}
                </th>
              ))}
              <th scope="col">{t(`${messages}.column.status`)}</th>
              <th scope="col">{t(`${messages}.column.errors`)}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const verdict = `${messages}.status.${row.status}`;
              return (
                <tr key={row.row} className={`ws-import-row is-${row.status}`} data-row={row.row}>
                  <th scope="row" className="ws-number">
                    {row.row}
                  </th>
                  {columns.map((column) => (
                    <td key={column.heading} className={column.className}>
                      {column.cell(row, { t, lang })}
                    </td>
                  ))}
                  <td>
                    <span className={`badge ws-import-${row.status}`}>{hasMessage(verdict) ? t(verdict) : row.status}</span>
                  </td>
                  <td>
                    <RowErrors errors={row.errors} messages={messages} fields={flow.fields} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
