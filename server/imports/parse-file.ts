import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS, IMPORT_MAX_ROWS } from '../../shared/api/imports';
import { AppError } from '../http/errors';

/** One data row of a file as read, before any rule: text or numbers, by column name. */
export interface RawRow {
  /** Row number in the file (the header is row 1). */
  row: number;
  cells: Partial<Record<(typeof IMPORT_COLUMNS)[number], string | number | Date>>;
}

function normaliseHeader(header: unknown): string {
  return String(header ?? '').trim().toLowerCase();
}

function checkColumns(headers: string[]): void {
  if (!headers.includes('code') || !headers.includes('date')) {
    throw new AppError('validation_failed', `the first row must name the columns: ${IMPORT_COLUMNS.join(', ')}`, { file: 'missing_columns' });
  }
}

function checkSize(rows: RawRow[]): RawRow[] {
  if (rows.length > IMPORT_MAX_ROWS) {
    throw new AppError('validation_failed', `at most ${IMPORT_MAX_ROWS} rows a file`, { file: 'too_many_rows' });
  }
  return rows;
}

/** Reads a CSV file (UTF-8, with or without BOM; comma or semicolon) with a header row. */
export function readCsv(content: Buffer): RawRow[] {
  let records: string[][];
  try {
    records = parseCsv(content, { bom: true, delimiter: [',', ';'], relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch {
    throw new AppError('validation_failed', 'the file is not a readable CSV file', { file: 'unreadable' });
  }
  const [header, ...data] = records;
  const headers = (header ?? []).map(normaliseHeader);
  checkColumns(headers);
  return checkSize(
    data.map((values, index) => ({
      row: index + 2,
      cells: Object.fromEntries(headers.flatMap((name, i) => ((IMPORT_COLUMNS as readonly string[]).includes(name) ? [[name, values[i] ?? '']] : []))),
    })),
  );
}

function cellValue(value: ExcelJS.CellValue): string | number | Date | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number' || typeof value === 'string' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if ('result' in value) return cellValue(value.result as ExcelJS.CellValue); // a formula: its cached result
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) return String(value.text); // a hyperlink
  return undefined;
}

/** Reads the first worksheet of an XLSX file with a header row. */
export async function readXlsx(content: Buffer): Promise<RawRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new AppError('validation_failed', 'the file is not a readable XLSX workbook', { file: 'unreadable' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('validation_failed', 'the workbook has no worksheet', { file: 'unreadable' });
  if (sheet.rowCount > IMPORT_MAX_ROWS + 1) {
    throw new AppError('validation_failed', `at most ${IMPORT_MAX_ROWS} rows a file`, { file: 'too_many_rows' });
  }
  const headers: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, column) => (headers[column] = normaliseHeader(cellValue(cell.value))));
  checkColumns(headers);
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const cells: RawRow['cells'] = {};
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const name = headers[column];
      const value = cellValue(cell.value);
      if (name && (IMPORT_COLUMNS as readonly string[]).includes(name) && value !== undefined) cells[name as keyof RawRow['cells']] = value;
    });
    if (Object.keys(cells).length > 0) rows.push({ row: number, cells });
  });
  return checkSize(rows);
}

/** Reads an uploaded file by its extension. */
export async function readRows(fileName: string, content: Buffer): Promise<RawRow[]> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return readCsv(content);
  if (lower.endsWith('.xlsx')) return readXlsx(content);
  throw new AppError('unsupported_media_type', 'upload a .csv or .xlsx file');
}

/** The templates to download: the header and one example row. */
export async function templateXlsx(example: Array<string | number>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('So lieu');
  sheet.addRow([...IMPORT_COLUMNS]);
  sheet.addRow(example);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column) => (column.width = 18));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
