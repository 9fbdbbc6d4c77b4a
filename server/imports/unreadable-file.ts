export type UnreadableReason = 'unreadable' | 'missing_columns' | 'too_many_rows' | 'too_many_columns' | 'too_large_unpacked' | 'too_complex';

/**
 * Why a file cannot be read, as the API reports it (400, `fields.file` = the reason). Plain data:
 * it crosses from the parsing worker to the request as a message.
 */
export class UnreadableFile extends Error {
  constructor(
    readonly reason: UnreadableReason,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The caps of a table (shared/api/imports.ts), passed in rather than imported: the parsing worker
 * starts faster without zod, which shared/ modules load.
 */
export interface TableLimits {
  maxRows: number;
  maxColumns: number;
}

export const tooManyRows = (limits: TableLimits) => new UnreadableFile('too_many_rows', `at most ${limits.maxRows} rows a file`);
export const tooManyColumns = (limits: TableLimits) => new UnreadableFile('too_many_columns', `at most ${limits.maxColumns} columns a file`);
