import { beforeEach, describe, expect, it } from 'vitest';
import type { Board } from '../../shared/api/board';
import { axeViolations, watchedPage } from '../helpers/browser';
import { ADMIN, api } from '../helpers/start-test-server';
import { browserSuite } from './browser-suite';

const suite = browserSuite();

let board: Board;

beforeEach(async () => {
  const admin = await suite.server.login();
  board = (await api(suite.server, 'GET', '/api/board', { cookie: admin })).body;
  const indicator = board.indicators.find((i) => i.code === 'CCHC-01')!;
  await suite.server.createUser({ username: 'chuyenvien.cchc', password: 'Chuyen-Vien-2026', role: 'editor', unitIds: [indicator.ownerUnit.id] });
});

describe('a specialist updates an indicator', () => {
  it('logs in through the page, is told in Vietnamese that 140% is not a percentage, saves a valid reading, and the screen shows it within a second', async () => {
    const indicator = board.indicators.find((i) => i.code === 'CCHC-01')!;
    const admin = await suite.server.login();
    const { url } = (await api(suite.server, 'POST', '/api/displays', { body: { name: 'Phòng họp' }, cookie: admin })).body;
    const screen = await watchedPage(suite.browser);
    await screen.page.goto(`${url}&page=group-${indicator.groupId}`);
    await screen.page.locator(`[data-indicator="${indicator.code}"]`).waitFor();

    const specialist = await watchedPage(suite.browser);
    const { page } = specialist;
    await page.goto(`${suite.server.url}/workspace`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('Tên đăng nhập').fill('chuyenvien.cchc');
    await page.getByLabel('Mật khẩu').fill('Chuyen-Vien-2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/workspace/);

    await page.getByRole('button', { name: `Nhập số liệu cho chỉ tiêu ${indicator.name}` }).click();
    const value = page.getByLabel(/^Giá trị/);
    await value.fill('140');
    await page.getByRole('button', { name: 'Lưu số liệu' }).click();
    await page.getByText('Không được lớn hơn 100.').waitFor();
    expect(await value.getAttribute('aria-invalid')).toBe('true');
    expect(await screen.page.locator(`[data-indicator="${indicator.code}"]`).innerText()).not.toContain('99,7');

    await value.fill('99,7');
    await page.getByText('Xem trước khi lưu').waitFor();
    await page.getByRole('button', { name: 'Lưu số liệu' }).click();
    const saved = Date.now();
    await screen.page.waitForFunction(
      (code) => document.querySelector(`[data-indicator="${code}"]`)?.textContent?.includes('99,7'),
      indicator.code,
      { timeout: 1000, polling: 'raf' },
    );
    expect(Date.now() - saved).toBeLessThan(1000);
    await page.getByText(/Đã lưu số liệu/).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await screen.context.close();
    await specialist.context.close();
    // The logged-out probe of /api/session (401) is the browser's own log line; nothing else may be.
    expect([...screen.problems, ...specialist.problems].filter((p) => !/status of 401/.test(p))).toEqual([]);
  });
});

describe('an admin imports readings from a file', () => {
  it('is shown the bad row, starts over, checks a good file (focus on its result), and writes it in one go', async () => {
    const admin = await watchedPage(suite.browser);
    const { page } = admin;
    await page.goto(`${suite.server.url}/workspace/import`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('Tên đăng nhập').fill(ADMIN.username);
    await page.getByLabel('Mật khẩu').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/workspace\/import/);

    const csv = (rows: string[]) => Buffer.from(['code,date,value,numerator,denominator,note,evidence', ...rows].join('\n'));
    const file = page.getByLabel('Tệp số liệu');
    // Two figures for one date of an indicator that takes its latest reading: the file contradicts itself.
    const rows = ['KTGS-02,2026-11-22,1,,,,', 'KHONG-CO,2026-11-22,1,,,,', 'CCHC-02,2026-11-22,90,,,,', 'CCHC-02,22/11/2026,91,,,,'];
    await file.setInputFiles({ name: 'co-loi.csv', mimeType: 'text/csv', buffer: csv(rows) });
    await page.getByRole('button', { name: 'Tải lên và kiểm tra' }).click();
    await page.getByText('Chưa thể ghi: tệp có 3 dòng lỗi.', { exact: false }).waitFor();
    expect(await page.getByText('Tệp có dòng khác ghi số liệu khác cho cùng chỉ tiêu và ngày này', { exact: false }).count()).toBe(2);
    expect(await page.getByRole('button', { name: /^Xác nhận ghi/ }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Chọn tệp khác' }).click();
    await page.getByLabel('Tệp số liệu').setInputFiles({ name: 'thang-11.csv', mimeType: 'text/csv', buffer: csv(['KTGS-02,2026-11-22,1,,,,', 'XDD-04,2026-11-22,,5,5,,']) });
    await page.getByRole('button', { name: 'Tải lên và kiểm tra' }).click();
    const heading = page.getByRole('heading', { name: 'Kết quả kiểm tra tệp “thang-11.csv”' });
    await heading.waitFor();
    // The answer replaced the form: the reader is taken to it.
    await page.waitForFunction(() => document.activeElement?.textContent === 'Kết quả kiểm tra tệp “thang-11.csv”', undefined, { timeout: 2000 });
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Xác nhận ghi 2 dòng mới' }).click();
    await page.getByText('Đã ghi 2 số liệu; bỏ qua 0 dòng trùng.', { exact: false }).waitFor();
    await admin.context.close();
    expect(admin.problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
  });
});
