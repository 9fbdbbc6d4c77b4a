import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Board } from '../../shared/api/board';
import { axeViolations, launchBrowser, watchedPage } from '../helpers/browser';
import { api, startTestServer, TestClock, type TestServer } from '../helpers/start-test-server';

const CLIENT_DIR = join(import.meta.dirname, '..', '..', 'dist', 'client');

let server: TestServer;
let browser: Browser;
let board: Board;

beforeAll(async () => {
  server = await startTestServer({ clock: new TestClock('real'), clientDir: CLIENT_DIR });
  const admin = await server.login();
  board = (await api(server, 'GET', '/api/board', { cookie: admin })).body;
  const indicator = board.indicators.find((i) => i.code === 'CCHC-01')!;
  await server.createUser({ username: 'chuyenvien.cchc', password: 'Chuyen-Vien-2026', role: 'editor', unitIds: [indicator.ownerUnit.id] });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a specialist updates an indicator', () => {
  it('logs in through the page, is told in Vietnamese that 140% is not a percentage, saves a valid reading, and the screen shows it within a second', async () => {
    const indicator = board.indicators.find((i) => i.code === 'CCHC-01')!;
    const admin = await server.login();
    const { url } = (await api(server, 'POST', '/api/displays', { body: { name: 'Phòng họp' }, cookie: admin })).body;
    const screen = await watchedPage(browser);
    await screen.page.goto(`${url}&page=group-${indicator.groupId}`);
    await screen.page.locator(`[data-indicator="${indicator.code}"]`).waitFor();

    const specialist = await watchedPage(browser);
    const { page } = specialist;
    await page.goto(`${server.url}/workspace`);
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
