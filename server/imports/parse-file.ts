import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS, IMPORT_MAX_ROWS } from '../../shared/api/imports';
import { AppError } from '../http/errors';

/** One data row of a file as read, before any rule: text or numbers, by column name. */
export interface RawRow<Column extends string = (typeof IMPORT_COLUMNS)[number]> {
  /** Row number in the file (the header is row 1). */
  row: number;
  cells: Partial<Record<Column, string | number | Date>>;
}

/** The columns a kind of file has, and those its header must name. */
export interface TableShape {
  columns: readonly string[];
  required: readonly string[];
}

const READINGS: TableShape = { columns: IMPORT_COLUMNS, required: ['code', 'date'] };

function normaliseHeader(header: unknown): string {
  return String(header ?? '').trim().toLowerCase();
}

function checkColumns(headers: string[], shape: TableShape): void {
  if (!shape.required.every((column) => headers.includes(column))) {
    throw new AppError('validation_failed', `the first row must name the columns: ${shape.columns.join(', ')}`, { file: 'missing_columns' });
  }
}

function checkSize<T>(rows: T[]): T[] {
  if (rows.length > IMPORT_MAX_ROWS) {
    throw new AppError('validation_failed', `at most ${IMPORT_MAX_ROWS} rows a file`, { file: 'too_many_rows' });
  }
  return rows;
}

/** Reads a CSV file (UTF-8, with or without BOM; comma or semicolon) with a header row. */
export function readCsv(content: Buffer, shape: TableShape = READINGS): RawRow<string>[] {
  let records: string[][];
  try {
    records = parseCsv(content, { bom: true, delimiter: [',', ';'], relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch {
    throw new AppError('validation_failed', 'the file is not a readable CSV file', { file: 'unreadable' });
  }
  const [header, ...data] = records;
  const headers = (header ?? []).map(normaliseHeader);
  checkColumns(headers, shape);
  return checkSize(
    data.map((values, index) => ({
      row: index + 2,
      cells: Object.fromEntries(headers.flatMap((name, i) => (shape.columns.includes(name) ? [[name, values[i] ?? '']] : []))),
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
export async function readXlsx(content: Buffer, shape: TableShape = READINGS): Promise<RawRow<string>[]> {
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
  checkColumns(headers, shape);
  const rows: RawRow<string>[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const cells: RawRow<string>['cells'] = {};
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const name = headers[column];
      const value = cellValue(cell.value);
      if (name && shape.columns.includes(name) && value !== undefined) cells[name] = value;
    });
    if (Object.keys(cells).length > 0) rows.push({ row: number, cells });
  });
  return checkSize(rows);
}

/** Reads an uploaded file by its extension. */
export async function readRows(fileName: string, content: Buffer): Promise<RawRow[]> {
  return (await readTable(fileName, content, READINGS)) as RawRow[];
}

/** Reads an uploaded file of the given shape by its extension. */
export async function readTable(fileName: string, content: Buffer, shape: TableShape): Promise<RawRow<string>[]> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return readCsv(content, shape);
  if (lower.endsWith('.xlsx')) return readXlsx(content, shape);
  throw new AppError('unsupported_media_type', 'upload a .csv or .xlsx file');
}

/** The templates to download: the header and one example row. */
export async function templateXlsx(example: Array<string | number>, columns: readonly string[] = IMPORT_COLUMNS, sheetName = 'So lieu'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...columns]);
  sheet.addRow(example);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column) => (column.width = 18));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
