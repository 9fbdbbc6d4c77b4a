import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPreviewSchema } from '../../shared/api/imports';
import { uploadFile } from '../helpers/multipart';
import { sqlRows } from '../helpers/sql';
import { api, startTestServer, type TestServer } from '../helpers/start-test-server';

let server: TestServer;
let admin: string;

// Each test gets its own server and database: a failure leaves the next test untouched.
beforeEach(async () => {
  server = await startTestServer();
  admin = await server.login();
});
afterEach(() => server.close());

const HEADER = 'code,date,value,numerator,denominator,note,evidence';
const readingCount = async () => (await sqlRows<{ n: number }>(server.db, sql`select cast(count(*) as integer) as n from readings`))[0]!.n;
const upload = async (rows: string[]) => {
  const response = await uploadFile(`${server.url}/api/imports`, 'mau-thuan.csv', [HEADER, ...rows].join('\n'), { cookie: admin });
  expect(response.status).toBe(201);
  return importPreviewSchema.parse(response.body);
};

describe('two different figures for one indicator on one date', () => {
  it('flags every row of the contradiction in the dry run, and the commit writes nothing', async () => {
    const before = await readingCount();
    // CCHC-01 (percent) and XDD-04 (ratio) take their latest reading; KTGS-02 (count) adds its readings up.
    const preview = await upload([
      'CCHC-01,2026-11-21,98,,,,',
      'KTGS-02,2026-11-21,1,,,,',
      // The same day written the Vietnamese way, with another figure.
      'CCHC-01,21/11/2026,97,,,,',
      // A repeat of the first row is part of the same contradiction.
      'CCHC-01,2026-11-21,98,,,,',
      'XDD-04,2026-11-21,,5,5,,',
      'XDD-04,2026-11-21,,4,5,,',
      // Another date of the same indicator is no contradiction.
      'CCHC-01,2026-11-22,97,,,,',
      // Nor is a second addition to a cumulative count on the same day.
      'KTGS-02,2026-11-21,2,,,,',
    ]);
    expect(preview.rows.map((r) => [r.row, r.status, r.errors])).toEqual([
      [2, 'error', { date: 'conflicting_rows' }],
      [3, 'new', {}],
      [4, 'error', { date: 'conflicting_rows' }],
      [5, 'error', { date: 'conflicting_rows' }],
      [6, 'error', { date: 'conflicting_rows' }],
      [7, 'error', { date: 'conflicting_rows' }],
      [8, 'new', {}],
      [9, 'new', {}],
    ]);
    expect(preview.counts).toEqual({ new: 3, duplicate: 0, error: 5 });

    const commit = await api(server, 'POST', `/api/imports/${preview.id}/commit`, { cookie: admin });
    expect(commit.status).toBe(400);
    expect(commit.body.error).toMatchObject({ code: 'validation_failed', fields: { rows: 'errors' } });
    expect(await readingCount()).toBe(before);
  });

  it('leaves repeated rows and a new figure for a date already recorded as they were', async () => {
    const first = await upload(['CCHC-01,2026-11-21,98,,,,']);
    expect((await api(server, 'POST', `/api/imports/${first.id}/commit`, { cookie: admin })).status).toBe(200);
    const before = await readingCount();
    // A later figure for a day already recorded is a new reading (as through the API); only the file's own rows are compared.
    const preview = await upload(['CCHC-01,2026-11-21,97,,,Số liệu chốt lại,', 'CCHC-01,2026-11-21,97,,,,', 'KTGS-02,2026-11-21,1,,,,']);
    expect(preview.rows.map((r) => r.status)).toEqual(['new', 'duplicate', 'new']);
    const commit = await api(server, 'POST', `/api/imports/${preview.id}/commit`, { cookie: admin });
    expect(commit.body).toMatchObject({ imported: 2, skipped: 1 });
    expect(await readingCount()).toBe(before + 2);
  });
});
