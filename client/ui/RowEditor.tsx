import { useId, useRef, useState, type ReactNode } from 'react';

/**
 * A row of a list table that opens its editor in a row of its own beneath it. The toggle button
 * says whether the editor is open and which row it is; closing the editor gives focus back to it.
 */
export function useRowEditor(onSaved: () => void) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const rowId = `${id}-edit`;

  /** Closes the editor; `saved` when it saved a change (not when it was cancelled or had nothing to save). */
  function close(saved: boolean) {
    setEditing(false);
    button.current?.focus();
    if (saved) onSaved();
  }

  const toggleProps = {
    ref: button,
    onClick: () => setEditing((open) => !open),
    'aria-expanded': editing,
    'aria-controls': editing ? rowId : undefined,
  };

  return { editing, close, toggleProps, rowId };
}

/** The row beneath that holds the editor, across all the table's columns. */
export function EditorRow({ id, columns, children }: { id: string; columns: number; children: ReactNode }) {
  return (
    <tr className="screen-edit-row" id={id}>
      <td colSpan={columns}>{children}</td>
    </tr>
  );
}
