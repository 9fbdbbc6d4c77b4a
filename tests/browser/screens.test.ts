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

describe('screens management', () => {
  it('lets an admin sign in, create a screen, move it to a page from afar and revoke it', async () => {
    const admin = await watchedPage(browser);
    const { page } = admin;
    await page.goto(`${server.url}/admin/screens`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('Tên đăng nhập').fill(ADMIN.username);
    await page.getByLabel('Mật khẩu').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/admin\/screens/);

    const name = 'Phòng họp tầng 3';
    await page.getByLabel('Tên màn hình').fill(name);
    await page.getByRole('button', { name: 'Tạo màn hình' }).click();
    const displayUrl = await page.getByLabel('Đường dẫn mở màn hình').inputValue();
    expect(new URL(displayUrl).pathname).toBe('/display');

    const screen = await watchedPage(browser);
    await screen.page.goto(displayUrl);
    await screen.page.locator('main').waitFor();

    const group = board.groups[2]!;
    const codes = board.indicators.filter((i) => i.groupId === group.id).map((i) => i.code);
    await page.getByLabel(`Trang cần hiển thị trên ${name}`).selectOption({ label: group.name });
    await page.getByRole('button', { name: `Chuyển trang trên màn hình ${name}` }).click();
    await page.getByText(/Số kết nối đã nhận: 1/).waitFor();
    await screen.page.locator(`[data-indicator="${codes[0]}"]`).waitFor({ timeout: 5000 });
    expect(await screen.page.locator('[data-indicator]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-indicator')))).toEqual(codes);

    await page.getByRole('button', { name: `Thu hồi màn hình ${name}` }).click();
    await page.getByRole('button', { name: 'Thu hồi màn hình', exact: true }).click();
    await screen.page.getByText(/không hợp lệ hoặc đã bị thu hồi/).first().waitFor({ timeout: 10_000 });

    await admin.context.close();
    await screen.context.close();
    // Expected and only these: the logged-out probe of /api/session (401) and the revoked
    // screen's refused reconnection.
    const unexpected = [...admin.problems, ...screen.problems].filter(
      (p) => !/status of 401|WebSocket|socket\.io/.test(p),
    );
    expect(unexpected).toEqual([]);
  });
});
