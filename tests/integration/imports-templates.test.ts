import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Board } from '../../shared/api/board';
import { IMPORT_COLUMNS, importPreviewSchema } from '../../shared/api/imports';
import { planImportPreviewSchema } from '../../shared/api/plan-imports';
import { uploadFile } from '../helpers/multipart';
import { api, startTestServer, type TestServer } from '../helpers/start-test-server';

let server: TestServer;
let admin: string;
let board: Board;

// Each test gets its own server and database: a failure leaves the next test untouched.
beforeEach(async () => {
  server = await startTestServer();
  admin = await server.login();
  board = (await api(server, 'GET', '/api/board', { cookie: admin })).body;
});
afterEach(() => server.close());

const VIETNAMESE_HEADER = ['Mã chỉ tiêu', 'Ngày', 'Giá trị', 'Tử số', 'Mẫu số', 'Ghi chú', 'Căn cứ'];

/** The CSV template's lines, after its BOM. */
async function csvTemplate(cookie: string): Promise<string[][]> {
  const response = await fetch(`${server.url}/api/imports/template.csv`, { headers: { cookie } });
  expect(response.status).toBe(200);
  const bytes = Buffer.from(await response.arrayBuffer());
  // A BOM first, so that Excel reads the marks as UTF-8.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return bytes.subarray(3).toString('utf8').trim().split('\n').map((line) => line.trim().split(','));
}

async function workbookOf(response: Response): Promise<ExcelJS.Workbook> {
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook;
}

const preview = async (name: string, content: Buffer | string) => {
  const response = await uploadFile(`${server.url}/api/imports`, name, content, { cookie: admin });
  expect(response.status).toBe(201);
  return importPreviewSchema.parse(response.body);
};

const ROWS = ['KTGS-02,2026-11-21,1,,,Giám sát chuyên đề,Kế hoạch 12-KH/ĐU', 'CCHC-01,21/11/2026,"99,2",,,,', 'XDD-04,2026-11-21,,4,5,,', 'KHONG-CO,2026-11-21,1,,,,'];

describe('the readings templates', () => {
  it('name their columns in Vietnamese, on a sheet named with its marks', async () => {
    expect((await csvTemplate(admin))[0]).toEqual(VIETNAMESE_HEADER);
    const workbook = await workbookOf(await fetch(`${server.url}/api/imports/template.xlsx`, { headers: { cookie: admin } }));
    expect(workbook.worksheets[0]!.name).toBe('Số liệu');
    expect((workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(VIETNAMESE_HEADER);
  });

  it("give an editor example rows of their own unit's indicators, dated today, and someone who may write to none a neutral one", async () => {
    const own = board.indicators.find((i) => i.code === 'CCHC-01')!.ownerUnit.id;
    const ownCodes = board.indicators.filter((i) => i.ownerUnit.id === own).map((i) => i.code);
    await server.createUser({ username: 'cv.cchc', password: 'Chuyen-Vien-2026', role: 'editor', unitIds: [own] });
    const editor = await server.login('cv.cchc', 'Chuyen-Vien-2026');

    // An admin's examples are the board's first indicators, some of them another unit's.
    const adminRows = (await csvTemplate(admin)).slice(1);
    expect(adminRows.length).toBeGreaterThan(0);
    expect(adminRows.some(([code]) => !ownCodes.includes(code!))).toBe(true);

    const editorRows = (await csvTemplate(editor)).slice(1);
    expect(editorRows.length).toBeGreaterThan(0);
    for (const [code, date, value] of editorRows) {
      expect(ownCodes).toContain(code);
      // The test clock's day in Asia/Ho_Chi_Minh, as a Vietnamese clerk writes it; the figure left to fill in.
      expect(date).toBe('28/11/2026');
      expect(value).toBe('');
    }
    const sheet = (await workbookOf(await fetch(`${server.url}/api/imports/template.xlsx`, { headers: { cookie: editor } }))).worksheets[0]!;
    expect(sheet.getRow(2).getCell(1).value).toBe(editorRows[0]![0]);
    expect(sheet.getRow(2).getCell(2).value).toEqual(new Date(Date.UTC(2026, 10, 28)));

    await server.createUser({ username: 'nguoixem', password: 'Nguoi-Xem-2026', role: 'viewer' });
    const viewerRows = (await csvTemplate(await server.login('nguoixem', 'Nguoi-Xem-2026'))).slice(1);
    expect(viewerRows.map(([code]) => code)).toEqual(['VD-01']);
    expect(board.indicators.some((i) => i.code === 'VD-01')).toBe(false);
  });

  it('read back filled in: the example rows name known indicators and a valid date', async () => {
    const template = await workbookOf(await fetch(`${server.url}/api/imports/template.xlsx`, { headers: { cookie: admin } }));
    const checked = await preview('mau.xlsx', Buffer.from(await template.xlsx.writeBuffer()));
    expect(checked.rows.length).toBeGreaterThan(0);
    for (const row of checked.rows) {
      expect(row.date).toBe('2026-11-28');
      expect(row.errors.code).toBeUndefined();
      expect(row.errors.date).toBeUndefined();
    }
  });
});

describe('reading a file by its headers', () => {
  it('imports the same rows from Vietnamese and from English headers, in CSV and XLSX', async () => {
    const english = await preview('english.csv', [IMPORT_COLUMNS.join(','), ...ROWS].join('\n'));
    const vietnamese = await preview('tieng-viet.csv', [VIETNAMESE_HEADER.join(','), ...ROWS].join('\n'));
    expect(english.rows.map((r) => r.status)).toEqual(['new', 'new', 'new', 'error']);
    expect(vietnamese.rows).toEqual(english.rows);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Số liệu');
    sheet.addRow(VIETNAMESE_HEADER);
    sheet.addRow(['KTGS-02', '2026-11-21', 1, null, null, 'Giám sát chuyên đề', 'Kế hoạch 12-KH/ĐU']);
    const xlsx = await preview('tieng-viet.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(xlsx.rows).toEqual([english.rows[0]]);
  });

  it('takes headers with decomposed marks (NFD), other case and spaces, with the columns in another order', async () => {
    const header = ['  NGÀY ', 'mã  chỉ tiêu', 'GIÁ TRỊ', 'Ghi Chú'].map((h) => h.normalize('NFD'));
    // The test means something only if the decomposed header differs from the composed one.
    expect(header[0]).not.toBe(header[0]!.normalize('NFC'));
    const checked = await preview('nfd.csv', [header.join(','), '2026-11-21,KTGS-02,1,Giám sát'].join('\n'));
    expect(checked.rows.map((r) => [r.code, r.date, r.value, r.note, r.status])).toEqual([['KTGS-02', '2026-11-21', 1, 'Giám sát', 'new']]);
  });

  it('takes headers typed without their marks (“Ma chi tieu” for “Mã chỉ tiêu”), in any case and spacing', async () => {
    const plain = ['  MA CHI TIEU', 'ngay', 'Gia  tri', 'tu so', 'Mau So', 'ghi chu ', 'CAN CU'];
    const checked = await preview('khong-dau.csv', [plain.join(','), ...ROWS].join('\n'));
    const vietnamese = await preview('tieng-viet.csv', [VIETNAMESE_HEADER.join(','), ...ROWS].join('\n'));
    expect(checked.rows.map((r) => r.status)).toEqual(['new', 'new', 'new', 'error']);
    expect(checked.rows).toEqual(vietnamese.rows);

    // The plan file too, "Đơn vị phụ trách" as "Don vi phu trach" (đ has no mark to strip: it is a letter of its own).
    const termId = board.term.id;
    const workbook = await workbookOf(await fetch(`${server.url}/api/terms/${termId}/plan-imports/template.xlsx`, { headers: { cookie: admin } }));
    const header = workbook.worksheets[0]!.getRow(1);
    header.eachCell((cell) => {
      cell.value = String(cell.value).normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
    });
    expect(header.getCell(5).value).toBe('Don vi phu trach');
    const response = await uploadFile(`${server.url}/api/terms/${termId}/plan-imports`, 'ke-hoach.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()), { cookie: admin });
    expect(response.status).toBe(201);
    expect(planImportPreviewSchema.parse(response.body).rows.map((r) => [r.status, r.errors])).toEqual([['new', {}]]);
  });

  it('still refuses a header that names neither, saying which names it takes', async () => {
    const response = await uploadFile(`${server.url}/api/imports`, 'sai.csv', 'Ma,Ngay thang,So\nKTGS-02,2026-11-21,1', { cookie: admin });
    expect(response.status).toBe(400);
    expect(response.body.error.fields.file).toBe('missing_columns');
    expect(response.body.error.message).toContain('Mã chỉ tiêu (code)');
  });
});

describe('the plan template', () => {
  it('names its columns in Vietnamese on the sheet "Kế hoạch", and its example row, uploaded as it is, is a valid indicator', async () => {
    const termId = board.term.id;
    const workbook = await workbookOf(await fetch(`${server.url}/api/terms/${termId}/plan-imports/template.xlsx`, { headers: { cookie: admin } }));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Kế hoạch');
    expect((sheet.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['Nhóm chỉ tiêu', 'Mã chỉ tiêu', 'Tên chỉ tiêu']);
    const response = await uploadFile(`${server.url}/api/terms/${termId}/plan-imports`, 'ke-hoach.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()), { cookie: admin });
    expect(response.status).toBe(201);
    const checked = planImportPreviewSchema.parse(response.body);
    expect(checked.rows.map((r) => [r.status, r.errors])).toEqual([['new', {}]]);
    expect(board.groups.map((g) => g.name)).toContain(checked.rows[0]!.group);
  });
});
