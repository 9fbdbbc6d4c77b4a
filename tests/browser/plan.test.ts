import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Board } from '../../shared/api/board';
import { launchBrowser, watchedPage } from '../helpers/browser';
import { ADMIN, api, startTestServer, TestClock, type TestServer } from '../helpers/start-test-server';
import { CLIENT_DIR } from './browser-suite';

let server: TestServer;
let browser: Browser;
let board: Board;

beforeAll(async () => {
  server = await startTestServer({ clock: new TestClock('real'), clientDir: CLIENT_DIR });
  board = (await api(server, 'GET', '/api/board', { cookie: await server.login() })).body;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('an admin changes the plan through the page', () => {
  it('creates an indicator that an open screen shows within a second, then moves its progress by changing the target', async () => {
    const group = board.groups.find((g) => g.name === 'Chuyển đổi số')!;
    const { url } = (await api(server, 'POST', '/api/displays', { body: { name: 'Phòng họp' }, cookie: await server.login() })).body;
    const screen = await watchedPage(browser);
    // 16 indicators make two summary pages of 8; the Chuyển đổi số group is on the second.
    await screen.page.goto(`${url}&page=summary-2`);
    await screen.page.locator('main').waitFor();

    const admin = await watchedPage(browser);
    const { page } = admin;
    await page.goto(`${server.url}/login?next=%2Fadmin%2Fplan`);
    await page.getByLabel('Tên đăng nhập').fill(ADMIN.username);
    await page.getByLabel('Mật khẩu').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/admin\/plan/);

    await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).first().click();
    await page.getByLabel('Mã chỉ tiêu').fill('CDS-09');
    await page.getByLabel('Tên chỉ tiêu').fill('Thủ tục hành chính có thanh toán trực tuyến');
    await page.getByLabel('Nhóm').selectOption({ label: group.name });
    await page.getByLabel('Đơn vị phụ trách').selectOption({ index: 1 });
    await page.getByLabel('Loại số liệu').selectOption('percent');
    await page.getByLabel('Cách tổng hợp').selectOption('latest');
    await page.getByLabel('Chiều hướng').selectOption('increase');
    await page.getByLabel('Đơn vị tính').fill('%');
    await page.getByLabel('Giá trị đầu kỳ').fill('20');
    await page.getByLabel('Mục tiêu nhiệm kỳ').fill('80');
    await page.getByLabel('Tần suất cập nhật').selectOption('quarter');
    await page.getByLabel('Số chữ số thập phân').fill('1');
    await page.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
    const saved = Date.now();
    // The summary lists every indicator with data-indicator: the new one appears there.
    await screen.page.locator('[data-indicator="CDS-09"]').waitFor({ timeout: 1000 });
    expect(Date.now() - saved).toBeLessThan(1000);

    const created = (await api(server, 'GET', '/api/board', { cookie: await server.login() })).body.indicators.find((i: { code: string }) => i.code === 'CDS-09');
    expect(created).toMatchObject({ target: 80, baseline: 20, measure: 'percent', unit: '%', decimals: 1 });
    // A reading, so that there is progress to move.
    await api(server, 'POST', `/api/indicators/${created.id}/readings`, { body: { date: board.date, value: 50 }, cookie: await server.login() });
    const progressOnScreen = () =>
      screen.page.evaluate(() => {
        const bar = document.querySelector('[data-indicator="CDS-09"] [role="progressbar"]');
        return bar ? Number(bar.getAttribute('aria-valuenow')) : null;
      });
    await screen.page.waitForFunction(() => document.querySelector('[data-indicator="CDS-09"]')?.textContent?.includes('50,0'), null, { timeout: 2000 });
    const before = await progressOnScreen();

    await page.getByRole('button', { name: 'Sửa chỉ tiêu CDS-09' }).click();
    await page.getByLabel('Mục tiêu nhiệm kỳ').fill('60');
    await page.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
    const changed = Date.now();
    await screen.page.waitForFunction(
      (was) => {
        const bar = document.querySelector('[data-indicator="CDS-09"] [role="progressbar"]');
        return bar !== null && Number(bar.getAttribute('aria-valuenow')) !== was;
      },
      before,
      { timeout: 1000 },
    );
    expect(Date.now() - changed).toBeLessThan(1000);
    // (50 − 20) / (80 − 20) = 50 % of the way; against 60 it is 75 %.
    expect(before).toBe(50);
    expect(await progressOnScreen()).toBe(75);

    await screen.context.close();
    await admin.context.close();
    expect([...screen.problems, ...admin.problems]).toEqual([]);
  });
});
