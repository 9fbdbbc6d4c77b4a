import { z } from 'zod';

/** Columns of the readings import (CSV or XLSX, first row the header); the template has them. */
export const IMPORT_COLUMNS = ['code', 'date', 'value', 'numerator', 'denominator', 'note', 'evidence'] as const;
/** Data rows a file may have (the header not counted), readings and plan imports alike: the parser refuses more, the commit writes up to this many in one transaction. */
export const IMPORT_MAX_ROWS = 50_000;
/** Columns a file may have: ours are a handful; a sheet or header far wider is not one of them. */
export const IMPORT_MAX_COLUMNS = 64;
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export const importRowSchema = z.object({
  /** Row number in the file (the header is row 1). */
  row: z.number(),
  code: z.string(),
  date: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  note: z.string(),
  evidence: z.string(),
  /** `new` is written on commit; `duplicate` equals a reading already there and is skipped. */
  status: z.enum(['new', 'duplicate', 'error']),
  /** Field → stable error code (reading field errors, `unknown_indicator`, `forbidden`, …). */
  errors: z.record(z.string(), z.string()),
});
export type ImportRow = z.infer<typeof importRowSchema>;

export const importPreviewSchema = z.object({
  id: z.number(),
  fileName: z.string(),
  rows: z.array(importRowSchema),
  counts: z.object({ new: z.number(), duplicate: z.number(), error: z.number() }),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importResultSchema = z.object({ imported: z.number(), skipped: z.number(), seq: z.number() });
export type ImportResult = z.infer<typeof importResultSchema>;
