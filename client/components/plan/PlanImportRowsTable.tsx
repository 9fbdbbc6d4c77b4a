import { useId, useState } from 'react';
import type { PlanImportPreview, PlanImportRow } from '../../api/plan';
import { hasMessage, useLang, useT, type Lang } from '../../i18n';
import { plainNumber } from '../workspace/valueTexts';
import { planImportFields } from './planImportMessages';

/** A cell as the preview gives it: text as written, or a number read from the file. */
type Cell = string | number | null;

/** A cell as read from the file: numbers in the page's language, text as written. */
function cellText(value: Cell, lang: Lang): string {
  if (typeof value === 'number') return plainNumber(value, lang);
  return value ?? '';
}

function RowErrors({ errors }: { errors: PlanImportRow['errors'] }) {
  const t = useT();
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <ul className="ws-row-errors">
      {entries.map(([path, code]) => {
        const field = path.split('.')[0] || '_';
        const column = `admin.plan.import.column.${field}`;
        return (
          <li key={path}>
            <span className="ws-row-error-field">{hasMessage(column) ? t(column) : field}:</span>{' '}
            {t(planImportFields.message(field, code))}
          </li>
        );
      })}
    </ul>
  );
}

function PlanImportRowLine({ row }: { row: PlanImportRow }) {
  const t = useT();
  const lang = useLang();
  const measure = cellText(row.measure, lang);
  const measureKey = `admin.plan.indicator.measureName.${measure}`;
  const unit = cellText(row.unit, lang);
  const target = t('admin.plan.import.targetValue', {
    baseline: cellText(row.baseline, lang),
    target: cellText(row.target, lang),
  });
  return (
    <tr className={`ws-import-row is-${row.status}`} data-row={row.row}>
      <th scope="row" className="ws-number">
        {row.row}
      </th>
      <td className="ws-code">{cellText(row.code, lang)}</td>
      <td className="ws-text">{cellText(row.name, lang)}</td>
      <td className="ws-text">{cellText(row.group, lang)}</td>
      <td className="ws-text">{cellText(row.ownerUnit, lang)}</td>
      <td>{measure !== '' && hasMessage(measureKey) ? t(measureKey) : measure}</td>
      <td className="ws-nowrap">{unit ? `${target} ${unit}` : target}</td>
      <td>
        <span className={`badge ws-import-${row.status}`}>{t(`admin.plan.import.status.${row.status}`)}</span>
      </td>
      <td>
        <RowErrors errors={row.errors} />
      </td>
    </tr>
  );
}

/** The indicators of a previewed plan file, each with its verdict and its errors in words. */
export function PlanImportRowsTable({ preview }: { preview: PlanImportPreview }) {
  const t = useT();
  const id = useId();
  const [errorsOnly, setErrorsOnly] = useState(preview.counts.error > 0);
  const rows = errorsOnly ? preview.rows.filter((row) => row.status === 'error') : preview.rows;

  return (
    <>
      {preview.counts.error > 0 && (
        <label className="ws-check">
          <input type="checkbox" checked={errorsOnly} onChange={(event) => setErrorsOnly(event.target.checked)} />
          {t('admin.plan.import.errorsOnly', { count: preview.counts.error })}
        </label>
      )}
      <div className="table-scroll">
        <table className="ws-table ws-import-table" aria-describedby={`${id}-caption`}>
          <caption className="visually-hidden" id={`${id}-caption`}>
            {t('admin.plan.import.tableCaption', { file: preview.fileName })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.plan.import.column.row')}</th>
              <th scope="col">{t('admin.plan.import.column.code')}</th>
              <th scope="col">{t('admin.plan.import.column.name')}</th>
              <th scope="col">{t('admin.plan.import.column.group')}</th>
              <th scope="col">{t('admin.plan.import.column.ownerUnit')}</th>
              <th scope="col">{t('admin.plan.import.column.measure')}</th>
              <th scope="col">{t('admin.plan.import.column.baselineTarget')}</th>
              <th scope="col">{t('admin.plan.import.column.status')}</th>
              <th scope="col">{t('admin.plan.import.column.errors')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <PlanImportRowLine key={row.row} row={row} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
