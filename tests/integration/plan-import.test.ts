import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PLAN_COLUMNS, planImportPreviewSchema } from '../../shared/api/plan-imports';
import { PLAN_HEADERS } from '../../shared/api/spreadsheet-headers';
import { api, startTestServer, type TestServer } from '../helpers/start-test-server';
import { uploadFile } from '../helpers/multipart';

let server: TestServer;
let admin: string;
let termId: number;

// Each test gets its own server and database: a failure leaves the next test untouched.
beforeEach(async () => {
  server = await startTestServer();
  admin = await server.login();
  termId = (await api(server, 'GET', '/api/board', { cookie: admin })).body.term.id;
});
afterEach(() => server.close());

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Kế hoạch');
  sheet.addRow([...PLAN_COLUMNS]);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const OWNER = 'Đảng bộ Văn phòng UBND tỉnh';
const GOOD = [
  ['Công tác dân vận', 'DV-01', 'Mô hình "Dân vận khéo" được công nhận', '', OWNER, 'count', 'cumulative', 'increase', 'mô hình', 3, 10, 'year', 0, '2026: 2; 2028: 6'],
  ['Chuyển đổi số', 'CDS-11', 'Cuộc họp không giấy tờ', '', OWNER, 'percent', 'latest', 'increase', '%', 50, 90, 'quarter', 1, ''],
];

describe('importing a term plan from XLSX', () => {
  it('previews each row with its errors, writes nothing, and refuses the commit while errors remain', async () => {
    const content = await xlsx([
      ...GOOD,
      ['Chuyển đổi số', 'XDD-01', 'Trùng mã', '', OWNER, 'count', 'cumulative', 'increase', '', 0, 5, 'year', 0, ''],
      ['Chuyển đổi số', 'CDS-12', 'Phần trăm quá 100', '', OWNER, 'percent', 'latest', 'increase', '%', 50, 140, 'month', 0, ''],
      ['Chuyển đổi số', 'CDS-13', 'Đơn vị lạ', '', 'Phòng Không Có', 'count', 'latest', 'increase', '', 0, 5, 'year', 0, ''],
      ['Chuyển đổi số', 'CDS-14', 'Loại lạ', '', OWNER, 'tons', 'latest', 'sideways', '', 'mười', 5, 'daily', 0, '2026 là 5'],
      ['', 'CDS-11', '', '', OWNER, 'count', 'latest', 'increase', '', 0, 5, 'year', 0, ''],
    ]);
    const before = (await api(server, 'GET', '/api/board', { cookie: admin })).body;
    const response = await uploadFile(`${server.url}/api/terms/${termId}/plan-imports`, 'ke-hoach.xlsx', content, { cookie: admin });
    expect(response.status).toBe(201);
    const preview = planImportPreviewSchema.parse(response.body);
    expect(preview.rows.map((r) => [r.row, r.status, r.errors])).toEqual([
      [2, 'new', {}],
      [3, 'new', {}],
      [4, 'error', { code: 'taken' }],
      [5, 'error', { target: 'custom' }],
      [6, 'error', { ownerUnit: 'unknown_unit' }],
      [7, 'error', { measure: 'invalid_value', direction: 'invalid_value', baseline: 'invalid_number', updateFrequency: 'invalid_value', milestones: 'invalid_milestones' }],
      [8, 'error', { code: 'taken', name: 'required', group: 'required' }],
    ]);
    expect(preview.rows[0]).toMatchObject({ milestones: [{ year: 2026, value: 2 }, { year: 2028, value: 6 }] });
    const commit = await api(server, 'POST', `/api/plan-imports/${preview.id}/commit`, { cookie: admin });
    expect(commit.status).toBe(400);
    expect((await api(server, 'GET', '/api/board', { cookie: admin })).body.indicators.length).toBe(before.indicators.length);
  });

  it('commits all rows at once, creating the groups it names, and only once', async () => {
    const before = (await api(server, 'GET', '/api/board', { cookie: admin })).body;
    const preview = (await uploadFile(`${server.url}/api/terms/${termId}/plan-imports`, 'ke-hoach.xlsx', await xlsx(GOOD), { cookie: admin })).body;
    expect(preview.counts).toEqual({ new: 2, error: 0 });
    const commit = await api(server, 'POST', `/api/plan-imports/${preview.id}/commit`, { cookie: admin });
    expect(commit.body).toEqual({ imported: 2, groupsCreated: 1 });
    const after = (await api(server, 'GET', '/api/board', { cookie: admin })).body;
    expect(after.indicators.length).toBe(before.indicators.length + 2);
    expect(after.groups.map((g: { name: string }) => g.name)).toContain('Công tác dân vận');
    expect(after.indicators.find((i: { code: string }) => i.code === 'DV-01')).toMatchObject({ aggregation: 'cumulative', target: 10, milestones: [{ year: 2026, value: 2 }, { year: 2028, value: 6 }] });
    expect((await api(server, 'POST', `/api/plan-imports/${preview.id}/commit`, { cookie: admin })).status).toBe(409);
    const again = (await uploadFile(`${server.url}/api/terms/${termId}/plan-imports`, 'ke-hoach.xlsx', await xlsx(GOOD), { cookie: admin })).body;
    expect(again.counts).toEqual({ new: 0, error: 2 });
  });

  it('offers a template and is for admins only', async () => {
    const template = await fetch(`${server.url}/api/terms/${termId}/plan-imports/template.xlsx`, { headers: { cookie: admin } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await template.arrayBuffer());
    expect((workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(PLAN_COLUMNS.map((column) => PLAN_HEADERS[column]));
    await server.createUser({ username: 'bt.nhap', password: 'Bien-Tap-2026', role: 'editor', unitIds: [1] });
    const editor = await server.login('bt.nhap', 'Bien-Tap-2026');
    expect((await uploadFile(`${server.url}/api/terms/${termId}/plan-imports`, 'k.xlsx', await xlsx(GOOD), { cookie: editor })).status).toBe(403);
  });
});
