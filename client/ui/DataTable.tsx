import type { ReactNode } from 'react';
import { useT, type MessageKey } from '../i18n';

interface Props {
  /** The id of the section's heading, which names the table. */
  captionId: string;
  className: string;
  /** The header of each column, in order. */
  columns: readonly MessageKey[];
  /** The rows. */
  children: ReactNode;
}

/** A table's column headers in order; `actions`, the last column's (its buttons), is said to screen readers only. */
export function TableHead({ columns, actions }: { columns: readonly MessageKey[]; actions?: MessageKey }) {
  const t = useT();
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col">
            {t(column)}
          </th>
        ))}
        {actions && (
          <th scope="col">
            <span className="visually-hidden">{t(actions)}</span>
          </th>
        )}
      </tr>
    </thead>
  );
}

/** The list of a management page (screens, users, tokens, audit log): a table that scrolls sideways on a narrow screen. */
export function DataTable({ captionId, className, columns, children }: Props) {
  return (
    <div className="table-scroll">
      <table className={className} aria-labelledby={captionId}>
        <TableHead columns={columns} />
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
