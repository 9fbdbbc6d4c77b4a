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

/** The list of a management page (screens, users, tokens, audit log): a table that scrolls sideways on a narrow screen. */
export function DataTable({ captionId, className, columns, children }: Props) {
  const t = useT();
  return (
    <div className="table-scroll">
      <table className={className} aria-labelledby={captionId}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {t(column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
