import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, watchedPage } from '../helpers/browser';
import { ADMIN, startTestServer, TestClock, type TestServer } from '../helpers/start-test-server';

/** The admin forms on react-hook-form (client/ui/useApiForm.ts): checked before sending, refused beside the field, sent once. */

const CLIENT_DIR = join(import.meta.dirname, '..', '..', 'dist', 'client');

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());
beforeEach(async () => {
  server = await startTestServer({ clock: new TestClock('real'), clientDir: CLIENT_DIR });
});
afterEach(() => server?.close());

const unexpected = (problems: string[]) => problems.filter((problem) => !problem.includes('status of 401'));

async function signIn(page: Page, path: string): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await page.waitForURL(/\/login/);
  await page.getByLabel('Tên đăng nhập').fill(ADMIN.username);
  await page.getByLabel('Mật khẩu').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => url.pathname === path);
}

async function unitNames(): Promise<string[]> {
  const response = await fetch(`${server.url}/api/units`, { headers: { cookie: await server.login() } });
  const body = (await response.json()) as { units: Array<{ name: string }> };
  return body.units.map((unit) => unit.name);
}

describe('the units page', () => {
  it('refuses an empty name beside the field, then adds, renames and moves a unit', async () => {
    const { page, problems } = await watchedPage(browser);
    await signIn(page, '/admin/units');
    await page.getByRole('heading', { name: 'Đơn vị', level: 1 }).waitFor();
    const before = await unitNames();

    await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
    const name = page.getByLabel('Tên đơn vị mới');
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Vui lòng nhập tên đơn vị.').isVisible()).toBe(true);
    expect(await unitNames()).toEqual(before);

    await name.fill('Phòng Thử nghiệm');
    await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await page.getByText('Đã thêm đơn vị “Phòng Thử nghiệm”.').waitFor();
    expect(await name.inputValue()).toBe('');
    expect(await unitNames()).toContain('Phòng Thử nghiệm');

    await page.getByRole('button', { name: 'Đổi tên đơn vị Phòng Thử nghiệm' }).click();
    await page.getByLabel('Tên mới').fill('Phòng Kiểm thử');
    await page.getByRole('button', { name: 'Lưu tên' }).click();
    await page.getByText('Đã đổi tên thành “Phòng Kiểm thử”.').waitFor();
    await page.getByText('trước đây: Phòng Thử nghiệm').waitFor();

    await page.getByRole('button', { name: 'Chuyển đơn vị Phòng Kiểm thử' }).click();
    const parent = page.getByLabel('Đơn vị cấp trên mới');
    const target = (await parent.locator('option').allInnerTexts())[1]!.trim();
    await parent.selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Chuyển đơn vị', exact: true }).click();
    await page.getByText(`Đã chuyển “Phòng Kiểm thử” vào “${target.split(' › ').at(-1)}”.`).waitFor();
    expect(unexpected(problems)).toEqual([]);
  });
});
