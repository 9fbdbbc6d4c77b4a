import type { ReactNode } from 'react';
import type { ApiError } from '../../api/http';
import type { Lang, MessageKey, MessageParams, Translate } from '../../i18n';
import type { FieldMessages } from '../../ui/fieldErrors';

/** A row of a checked file: its number in the file (the header is row 1), its verdict, its errors by field. */
export interface CheckedRow {
  row: number;
  status: 'new' | 'duplicate' | 'error';
  errors: Readonly<Record<string, string>>;
}

/** A file the server has checked row by row (a dry run): nothing is written until its commit. */
export interface CheckedFile<Row extends CheckedRow = CheckedRow> {
  id: number;
  fileName: string;
  rows: readonly Row[];
  /** Rows by verdict; `duplicate` only where a row can repeat what is already there. */
  counts: { new: number; duplicate?: number; error: number };
}

/**
 * The catalog sections of the imports. Each has the texts of the screens under the same names
 * (`file`, `fileHint`, `dryRun`, `countNew`, `commit`, `committed`, `startOver`, `errorsOnly`,
 * `tableCaption`, `column.row`, `status.new` ...), so a screen asks for `${messages}.dryRun`.
 */
export type ImportMessages = 'workspace.import' | 'admin.plan.import';

/** A column of the rows table, between the row number and the verdict. */
export interface ImportColumn<Row> {
  heading: MessageKey;
  /** How the cell's text is set: `ws-code`, `ws-number`, `ws-text`, `ws-nowrap`. */
  className?: string;
  cell(row: Row, page: { t: Translate; lang: Lang }): ReactNode;
}

/** The templates offered above the file field, with a line on how to fill them in. */
export interface ImportTemplates {
  intro: MessageKey;
  introParams?: MessageParams;
  links: ReadonlyArray<{ href: string; label: MessageKey }>;
}

/**
 * What sets one spreadsheet import apart from another: its endpoints, its texts, its columns.
 * The steps are the same: choose a file, read the server's verdict on each row, commit it whole.
 */
export interface SpreadsheetImport<Preview extends CheckedFile, Result extends MessageParams> {
  messages: ImportMessages;
  /** The page to come back to after signing in again. */
  path: string;
  /** The messages of the file's and the rows' field errors. */
  fields: FieldMessages;
  maxBytes: number;
  /** Sends the file to be checked: the server answers with a preview and writes nothing. */
  upload(file: File): Promise<Preview>;
  /** Writes every row of a preview, or none. The result fills in `${messages}.committed`. */
  commit(previewId: number): Promise<Result>;
  /** What to say after the error's own message when a commit is refused. */
  commitHints(error: ApiError): MessageKey[];
  form: {
    /** A heading of its own, where the form is not under the section's. */
    heading?: MessageKey;
    templates: ImportTemplates;
    submit: MessageKey;
    submitting: MessageKey;
  };
  columns: ReadonlyArray<ImportColumn<Preview['rows'][number]>>;
}
