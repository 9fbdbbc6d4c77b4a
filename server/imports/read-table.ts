import { parse as parseCsv } from 'csv-parse';
import type ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { tooManyColumns, tooManyRows, UnreadableFile, type TableLimits } from './unreadable-file';

/** One data row of a file as read, before any rule: text or numbers, by column name. */
export interface RawRow<Column extends string = string> {
  /** Row number in the file (the header is row 1). */
  row: number;
  cells: Partial<Record<Column, string | number | Date>>;
}

/** The columns a kind of file has, their Vietnamese headers, and those its header must name. */
export interface TableShape {
  columns: readonly string[];
  /** Column → its Vietnamese header (shared/api/spreadsheet-headers.ts). */
  headers: Readonly<Record<string, string>>;
  required: readonly string[];
}

/**
 * A header cell as compared: case, spaces and the marks do not matter. Excel on some machines
 * writes "Ngày" decomposed (NFD), and a clerk without a Vietnamese keyboard types "Ma chi tieu"
 * for "Mã chỉ tiêu": the marks are dropped (decomposed, then the combining marks removed) and đ,
 * a letter of its own rather than a d with a mark, is read as d.
 */
function headerKey(header: unknown): string {
  return String(header ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Header cell → the column it names: its Vietnamese header or its own (English) name; '' for another. */
function headerReader(shape: TableShape): (header: unknown) => string {
  const byKey = new Map<string, string>();
  const name = (key: string, column: string) => {
    // Two headers the same once their marks are dropped would make a file's meaning a guess.
    if ((byKey.get(key) ?? column) !== column) throw new Error(`the headers of ${byKey.get(key)} and ${column} read alike: "${key}"`);
    byKey.set(key, column);
  };
  for (const column of shape.columns) {
    name(headerKey(column), column);
    const vietnamese = shape.headers[column];
    if (vietnamese) name(headerKey(vietnamese), column);
  }
  return (header) => byKey.get(headerKey(header)) ?? '';
}

function checkColumns(columns: readonly string[], shape: TableShape): void {
  if (!shape.required.every((column) => columns.includes(column))) {
    const named = shape.columns.map((column) => `${shape.headers[column] ?? column} (${column})`).join(', ');
    throw new UnreadableFile('missing_columns', `the first row must name the columns: ${named}`);
  }
}

/**
 * Reads a CSV file (UTF-8, with or without BOM; comma or semicolon) with a header row, record by
 * record: a header wider than the column cap or a row past the row cap stops the reading there.
 */
export async function readCsv(content: Uint8Array, shape: TableShape, limits: TableLimits): Promise<RawRow[]> {
  const { maxRows, maxColumns } = limits;
  const parser = Readable.from([Buffer.from(content.buffer, content.byteOffset, content.byteLength)]).pipe(
    parseCsv({ bom: true, delimiter: [',', ';'], relax_column_count: true, skip_empty_lines: true, trim: true }),
  );
  const columnOf = headerReader(shape);
  let headers: string[] | undefined;
  const rows: RawRow[] = [];
  try {
    for await (const values of parser as AsyncIterable<string[]>) {
      if (values.length > maxColumns) throw tooManyColumns(limits);
      if (!headers) {
        headers = values.map(columnOf);
        checkColumns(headers, shape);
        continue;
      }
      if (rows.length === maxRows) throw tooManyRows(limits);
      const cells: RawRow['cells'] = {};
      headers.forEach((name, i) => {
        if (name) cells[name] = values[i] ?? '';
      });
      rows.push({ row: rows.length + 2, cells });
    }
  } catch (error) {
    if (error instanceof UnreadableFile) throw error;
    throw new UnreadableFile('unreadable', 'the file is not a readable CSV file');
  } finally {
    parser.destroy();
  }
  if (!headers) checkColumns([], shape);
  return rows;
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

/**
 * Reads the first worksheet of an XLSX file with a header row, once its archive has passed
 * checkWorkbookArchive (entries, unpacked size, the sheet's declared dimensions: the request
 * checks it before starting the worker). Rows are streamed, and the reading stops at the row cap.
 * Cells right of the column cap are not read.
 */
export async function readXlsx(content: Uint8Array, shape: TableShape, limits: TableLimits): Promise<RawRow[]> {
  const { maxRows, maxColumns } = limits;
  const buffer = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  // Loaded here, not at the top: a worker reading a CSV need not load ExcelJS.
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell date cells from numbers.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const columnOf = headerReader(shape);
  const rows: RawRow[] = [];
  let headers: string[] | undefined;
  let sheets = 0;
  try {
    for await (const sheet of reader) {
      sheets++;
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        if (!headers) {
          if (row.number !== 1) throw new UnreadableFile('missing_columns', `the first row must name the columns: ${shape.columns.join(', ')}`);
          headers = [];
          const named = headers;
          row.eachCell({ includeEmpty: true }, (cell, column) => {
            if (column > maxColumns) throw tooManyColumns(limits);
            named[column] = columnOf(cellValue(cell.value));
          });
          checkColumns(headers, shape);
          continue;
        }
        if (row.number > maxRows + 1 || rows.length === maxRows) throw tooManyRows(limits);
        const cells: RawRow['cells'] = {};
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          const name = column <= maxColumns ? headers![column] : undefined;
          const value = cellValue(cell.value);
          if (name && value !== undefined) cells[name] = value;
        });
        if (Object.keys(cells).length > 0) rows.push({ row: row.number, cells });
      }
      break; // the first worksheet only
    }
  } catch (error) {
    if (error instanceof UnreadableFile) throw error;
    throw new UnreadableFile('unreadable', 'the file is not a readable XLSX workbook');
  }
  if (sheets === 0) throw new UnreadableFile('unreadable', 'the workbook has no worksheet');
  if (!headers) checkColumns([], shape);
  return rows;
}
