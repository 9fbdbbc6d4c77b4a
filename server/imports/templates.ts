import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS } from '../../shared/api/imports';
import { PLAN_COLUMNS } from '../../shared/api/plan-imports';
import { IMPORT_HEADERS, IMPORT_SHEET_NAME, PLAN_HEADERS, PLAN_SHEET_NAME } from '../../shared/api/spreadsheet-headers';
import type { IsoDate } from '../../shared/time/dates';
import { toCsv } from '../http/csv';

/** A cell of a template: text, a number, or a date (written as a Vietnamese clerk writes one). */
export type TemplateCell = string | number | { date: IsoDate };

/** A file to download and fill in: its Vietnamese header row and example rows. */
export interface SpreadsheetTemplate {
  sheetName: string;
  header: readonly string[];
  rows: ReadonlyArray<readonly TemplateCell[]>;
}

/** What the readings template's example rows are made of (ImportsService.templateExample). */
export interface ReadingsExample {
  /** Today in the board's time zone, within the term. */
  date: IsoDate;
  /** Codes of indicators the caller may write to; none: a neutral example. */
  codes: readonly string[];
}

/** A code no indicator has, for a caller who may write to none. */
const NEUTRAL_CODE = 'VD-01';

/** The readings template: one row per indicator, the figures left for the clerk to fill in. */
export function readingsTemplate(example: ReadingsExample): SpreadsheetTemplate {
  const codes = example.codes.length > 0 ? example.codes : [NEUTRAL_CODE];
  return {
    sheetName: IMPORT_SHEET_NAME,
    header: IMPORT_COLUMNS.map((column) => IMPORT_HEADERS[column]),
    rows: codes.map((code) => IMPORT_COLUMNS.map((column) => (column === 'code' ? code : column === 'date' ? { date: example.date } : ''))),
  };
}

/** The plan template, its example row by column. */
export function planTemplate(example: Readonly<Record<(typeof PLAN_COLUMNS)[number], string | number>>): SpreadsheetTemplate {
  return {
    sheetName: PLAN_SHEET_NAME,
    header: PLAN_COLUMNS.map((column) => PLAN_HEADERS[column]),
    rows: [PLAN_COLUMNS.map((column) => example[column])],
  };
}

/** DD/MM/YYYY, as dates are written in Vietnam (and read back by the import). */
const vietnameseDate = (date: IsoDate) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/** The template as CSV (UTF-8 with a BOM, so that Excel shows the marks). */
export function templateCsv(template: SpreadsheetTemplate): string {
  return toCsv(
    template.header,
    template.rows.map((row) => row.map((cell) => (typeof cell === 'object' ? vietnameseDate(cell.date) : cell))),
  );
}

/** The template as an XLSX workbook: dates are date cells shown as DD/MM/YYYY. */
export async function templateXlsx(template: SpreadsheetTemplate): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(template.sheetName);
  sheet.addRow([...template.header]);
  for (const row of template.rows) {
    const added = sheet.addRow(row.map((cell) => (typeof cell === 'object' ? new Date(`${cell.date}T00:00:00Z`) : cell)));
    row.forEach((cell, index) => {
      if (typeof cell === 'object') added.getCell(index + 1).numFmt = 'dd/mm/yyyy';
    });
  }
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column) => (column.width = 20));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
