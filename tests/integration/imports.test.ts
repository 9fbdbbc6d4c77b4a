import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPreviewSchema } from '../../shared/api/imports';
import { api, startTestServer, type TestServer } from '../helpers/start-test-server';
import { uploadFile } from '../helpers/multipart';
import { boardSocket, collectUpdates, connectForSnapshot, eventually } from '../helpers/socket-client';
import { sqlRows } from '../helpers/sql';

let server: TestServer;
let admin: string;
let current: Map<string, number | null>;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login();
  const { body } = await api(server, 'GET', '/api/board', { cookie: admin });
  current = new Map(body.indicators.map((i: { code: string; current: number | null }) => [i.code, i.current]));
});
afterAll(() => server.close());

const readingCount = async () => (await sqlRows<{ n: number }>(server.db, sql`select cast(count(*) as integer) as n from readings`))[0]!.n;
const upload = (name: string, content: Buffer | string, cookie = admin) => uploadFile(`${server.url}/api/imports`, name, content, { cookie });

const BAD_CSV = [
  'code,date,value,numerator,denominator,note,evidence',
  'KTGS-02,2026-11-20,2,,,Giám sát chuyên đề,Kế hoạch 12-KH/ĐU',
  'CCHC-01,27/11/2026,"140",,,,',
  'KHONG-CO,2026-11-20,1,,,,',
  'XDD-01,2026-13-45,1,,,,',
  'XDD-01,2026-11-20,"2,5",,,,',
  'XDD-04,2026-11-20,,6,5,,',
  'CCHC-01,2026-11-29,99,,,,',
  ',2026-11-20,1,,,,',
].join('\n');

describe('importing readings from CSV', () => {
  it('previews every row with its errors and writes nothing; a commit with errors is refused', async () => {
    const before = await readingCount();
    const { status, body } = await upload('so-lieu.csv', BAD_CSV);
    expect(status).toBe(201);
    const preview = importPreviewSchema.parse(body);
    expect(preview.rows.map((r) => [r.row, r.status, r.errors])).toEqual([
      [2, 'new', {}],
      [3, 'error', { value: 'above_100' }],
      [4, 'error', { code: 'unknown_indicator' }],
      [5, 'error', { date: 'invalid_date' }],
      [6, 'error', { value: 'not_integer' }],
      [7, 'error', { numerator: 'numerator_above_denominator' }],
      [8, 'error', { date: 'date_after_today' }],
      [9, 'error', { code: 'required' }],
    ]);
    expect(preview.counts).toEqual({ new: 1, duplicate: 0, error: 7 });
    expect(await readingCount()).toBe(before);

    const commit = await api(server, 'POST', `/api/imports/${preview.id}/commit`, { cookie: admin });
    expect(commit.status).toBe(400);
    expect(await readingCount()).toBe(before);
  });

  it('commits all new rows in one transaction, broadcasts them in seq order, and a second import of the same file writes nothing', async () => {
    const csv = [
      'code,date,value,numerator,denominator,note,evidence',
      'KTGS-02,2026-11-21,1,,,,',
      'CCHC-01,21/11/2026,"99,2",,,Tháng 11,Báo cáo 45/BC-TTPVHCC',
      'XDD-04,2026-11-21,,5,5,,',
      'KTGS-02,2026-11-21,1,,,,',
    ].join('\n');
    const screen = boardSocket(server.url, { cookie: admin });
    const updates = collectUpdates(screen);
    const start = (await connectForSnapshot(screen)).seq;
    try {
      const before = await readingCount();
      const preview = (await upload('thang-11.csv', csv)).body;
      // The repeated row within the file is a duplicate of the first.
      expect(preview.rows.map((r: { status: string }) => r.status)).toEqual(['new', 'new', 'new', 'duplicate']);
      expect(preview.rows[1]).toMatchObject({ value: 99.2, date: '2026-11-21', evidence: 'Báo cáo 45/BC-TTPVHCC' });
      const commit = await api(server, 'POST', `/api/imports/${preview.id}/commit`, { cookie: admin });
      expect(commit.status).toBe(200);
      expect(commit.body).toEqual({ imported: 3, skipped: 1, seq: start + 3 });
      expect(await readingCount()).toBe(before + 3);
      await eventually('the batch on screen', () => updates.length === 3);
      expect(updates.map((u) => u.seq)).toEqual([start + 1, start + 2, start + 3]);

      expect((await api(server, 'POST', `/api/imports/${preview.id}/commit`, { cookie: admin })).status).toBe(409);
      const again = (await upload('thang-11.csv', csv)).body;
      expect(again.counts).toEqual({ new: 0, duplicate: 4, error: 0 });
      expect((await api(server, 'POST', `/api/imports/${again.id}/commit`, { cookie: admin })).body).toMatchObject({ imported: 0, skipped: 4 });
      expect(await readingCount()).toBe(before + 3);
    } finally {
      screen.disconnect();
    }
  });

  it('refuses what is not a CSV or XLSX file, a file over 5 MB, and a missing header', async () => {
    expect((await upload('notes.txt', 'hello')).status).toBe(415);
    expect((await upload('big.csv', 'code,date,value\n' + 'x'.repeat(5 * 1024 * 1024 + 10))).status).toBe(413);
    const headerless = await upload('no-header.csv', 'XDD-01,2026-11-20,1\n');
    expect(headerless.status).toBe(400);
    expect(headerless.body.error.fields.file).toBe('missing_columns');
    const json = await api(server, 'POST', '/api/imports', { body: { rows: [] }, cookie: admin });
    expect(json.status).toBe(415);
  });
});

/** A real XLSX workbook with the import's header and these rows. */
async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Số liệu');
  sheet.addRow(['code', 'date', 'value', 'numerator', 'denominator', 'note', 'evidence']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('importing readings from XLSX', () => {
  it('reads date cells, Vietnamese decimals and text cells, and reports bad rows', async () => {
    const good = [
      ['CDS-01', new Date(Date.UTC(2026, 10, 22)), '99,6', null, null, 'Ký số tháng 11', 'Hệ thống QLVB'],
      ['XDD-05', '22/11/2026', null, 5, 5, null, 'Quyết định 88-QĐ/ĐU'],
    ];
    const bad = [
      ['CDS-01', '2026-11-22', 'chín mươi', null, null, null, null],
      ['XDD-04', '2026-11-22', 80, null, null, null, null],
    ];
    const content = await xlsx([...good, ...bad]);
    const before = await readingCount();
    const preview = importPreviewSchema.parse((await upload('so-lieu.xlsx', content)).body);
    expect(preview.rows.map((r) => [r.row, r.status, r.errors])).toEqual([
      [2, 'new', {}],
      [3, 'new', {}],
      [4, 'error', { value: 'invalid_number' }],
      [5, 'error', { value: 'not_allowed', numerator: 'required', denominator: 'required' }],
    ]);
    expect(preview.rows[0]).toMatchObject({ date: '2026-11-22', value: 99.6 });
    expect(await readingCount()).toBe(before);

    const ok = (await upload('so-lieu-sua.xlsx', await xlsx(good))).body;
    expect(ok.counts).toEqual({ new: 2, duplicate: 0, error: 0 });
    expect((await api(server, 'POST', `/api/imports/${ok.id}/commit`, { cookie: admin })).body).toMatchObject({ imported: 2, skipped: 0 });
    const board = (await api(server, 'GET', '/api/board', { cookie: admin })).body;
    const byCode = new Map(board.indicators.map((i: { code: string }) => [i.code, i]));
    expect(byCode.get('CDS-01')).toMatchObject({ current: 99.6 });
    expect(byCode.get('XDD-05')).toMatchObject({ numerator: 5, denominator: 5, status: 'achieved' });
    expect(current.get('CDS-01')).not.toBe(99.6);
  });

  it('offers templates to download in both formats', async () => {
    const csv = await fetch(`${server.url}/api/imports/template.csv`, { headers: { cookie: admin } });
    expect(csv.status).toBe(200);
    const bytes = Buffer.from(await csv.arrayBuffer());
    // A BOM first, so that Excel reads the Vietnamese as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').split('\n')[0]).toBe('Mã chỉ tiêu,Ngày,Giá trị,Tử số,Mẫu số,Ghi chú,Căn cứ');
    const xlsx = await fetch(`${server.url}/api/imports/template.xlsx`, { headers: { cookie: admin } });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect(workbook.worksheets[0]!.getRow(1).values).toEqual([undefined, 'Mã chỉ tiêu', 'Ngày', 'Giá trị', 'Tử số', 'Mẫu số', 'Ghi chú', 'Căn cứ']);
    expect((await fetch(`${server.url}/api/imports/template.csv`)).status).toBe(401);
  });
});
