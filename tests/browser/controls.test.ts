import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, signInFromPath, submitLogin, unexpectedProblems, watchedPage } from '../helpers/browser';
import { uploadFile } from '../helpers/multipart';
import { ADMIN, api, startTestServer, TestClock, type TestServer } from '../helpers/start-test-server';
import { CLIENT_DIR } from './browser-suite';

/**
 * The signed-in app in the office's words (issue 18): the audit log's labels, times and numbers,
 * Vietnamese day/month/year and file controls, the language switch, the role's name.
 */

let server: TestServer | undefined;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());
afterEach(() => server?.close());

async function start(clock = new TestClock('real')): Promise<TestServer> {
  server = await startTestServer({ clock, clientDir: CLIENT_DIR });
  return server;
}

const signIn = (page: Page, path: string) => signInFromPath(page, server!.url, path, ADMIN.username, ADMIN.password);

describe('the audit log', () => {
  it('names what it recorded in Vietnamese, with the office’s time and vi-VN numbers', async () => {
    // 20:30 UTC on the 27th is 03:30 on the 28th in Vietnam: a UTC date would be a day off.
    const at = new TestClock(Date.parse('2026-11-27T20:30:00Z'));
    const { url } = await start(at);
    const admin = await server!.login();
    const board = (await api({ url }, 'GET', '/api/board', { cookie: admin })).body as { indicators: Array<{ id: number; code: string; measure: string }> };
    const percent = board.indicators.find((indicator) => indicator.measure === 'percent')!;
    const reading = (await api({ url }, 'POST', `/api/indicators/${percent.id}/readings`, { body: { date: '2026-11-20', value: 97.5 }, cookie: admin })).body.reading;
    await api({ url }, 'POST', `/api/indicators/${percent.id}/readings`, { body: { date: '2026-11-20', value: 98.25, supersedes: reading.id, reason: 'Nhập nhầm' }, cookie: admin });
    const preview = (await uploadFile(`${url}/api/imports`, 'thang-11.csv', 'code,date,value\nXDD-01,2026-11-21,1\n', { cookie: admin })).body;
    await api({ url }, 'POST', `/api/imports/${preview.id}/commit`, { cookie: admin });
    await api({ url }, 'POST', '/api/users', { body: { username: 'chuyenvien', displayName: 'Chuyên viên A', password: 'Chuyen-vien-1', role: 'editor', unitIds: [1] }, cookie: admin });

    const { page, problems } = await watchedPage(browser);
    await signIn(page, '/admin/audit');
    const table = page.locator('.audit-table');
    await table.waitFor();
    await page.getByText('Đính chính số liệu').first().waitFor();
    // Hidden details count too: textContent, not innerText.
    const text = (await table.textContent()) ?? '';
    for (const raw of ['fileName', 'supersedesId', 'readingIds', 'createdAt', 'editor', 'indicatorId', 'T20:30', '97.5', '98.25', 'Sửa số liệu']) {
      expect(text, raw).not.toContain(raw);
    }
    for (const shown of ['Tên tệp', 'thang-11.csv', 'Đính chính cho bản ghi', `#${reading.id}`, 'Chuyên viên', '97,5', '98,25', '28/11/2026 03:30', '20/11/2026']) {
      expect(text, shown).toContain(shown);
    }
    expect(unexpectedProblems(problems)).toEqual([]);
  });
});

/** A browser in English (en-US): its own date and file controls would speak mm/dd/yyyy and "Choose File". */
async function englishBrowserPage(): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US', timezoneId: 'Asia/Ho_Chi_Minh', reducedMotion: 'reduce' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return { page, problems };
}

describe('the date and file controls', () => {
  it('take a date typed day first (dd/mm/yyyy) in an English browser, and refuse a day the calendar lacks', async () => {
    await start();
    const { page, problems } = await englishBrowserPage();
    await signIn(page, '/admin/audit');
    const from = page.getByLabel('Từ ngày');
    await from.click();
    await page.keyboard.type('01122026');
    expect(await from.inputValue()).toBe('01/12/2026');
    expect(await from.getAttribute('placeholder')).toBe('dd/mm/yyyy');
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Tải CSV' }).getAttribute('href')).toContain('from=2026-12-01');

    const to = page.getByLabel('Đến ngày');
    await to.fill('31/02/2026');
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await expect.poll(() => to.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.field', { has: to }).innerText()).toContain('Ngày không hợp lệ.');
    expect(await axeViolations(page)).toEqual([]);
    expect(unexpectedProblems(problems)).toEqual([]);
  });

  it('say "Chọn tệp" and "Chưa chọn tệp", then the chosen file’s name, in an English browser', async () => {
    await start();
    const { page, problems } = await englishBrowserPage();
    await signIn(page, '/workspace/import');
    const field = page.locator('.file-field');
    await field.waitFor();
    expect(await field.innerText()).toContain('Chọn tệp');
    expect(await field.innerText()).toContain('Chưa chọn tệp');
    await page.getByLabel('Tệp số liệu').setInputFiles({ name: 'thang-11.csv', mimeType: 'text/csv', buffer: Buffer.from('code,date,value\n') });
    await expect.poll(() => field.innerText()).toContain('thang-11.csv');
    expect(await field.innerText()).not.toContain('Chưa chọn tệp');
    expect(await axeViolations(page)).toEqual([]);
    expect(unexpectedProblems(problems)).toEqual([]);
  });
});

describe('the language switch', () => {
  it('turns the signed-in app to English and back, and keeps the choice on pages opened without ?lang=', async () => {
    await start();
    const { page, problems } = await watchedPage(browser);
    await page.goto(`${server!.url}/admin/users`);
    await page.waitForURL(/\/login/);
    // The login page names itself in the tab too.
    await expect.poll(() => page.title()).toBe('Đăng nhập · Bảng theo dõi chỉ tiêu nhiệm kỳ');
    await submitLogin(page, '/admin/users', ADMIN.username, ADMIN.password);
    await page.getByRole('heading', { name: 'Người dùng', level: 1 }).waitFor();

    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.title()).toBe('Users · Term targets board');
    expect(await page.getByRole('option', { name: 'Specialist' }).count()).toBeGreaterThan(0);

    // Moving on, and opening a page by its bare address: still English.
    await page.getByRole('link', { name: 'Audit log', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    await page.goto(`${server!.url}/account`);
    await page.getByRole('heading', { name: 'Account', level: 1 }).waitFor();
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');

    await page.getByRole('link', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { name: 'Tài khoản', level: 1 }).waitFor();
    await page.goto(`${server!.url}/admin/users`);
    await page.getByRole('heading', { name: 'Người dùng', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    expect(unexpectedProblems(problems)).toEqual([]);
  });
});

describe('the tab titles', () => {
  it('name every signed-in page, each its own', async () => {
    await start();
    const { page, problems } = await watchedPage(browser);
    await signIn(page, '/');
    const paths = ['/reports', '/workspace', '/workspace/import', '/account', '/admin/screens', '/admin/users', '/admin/tokens', '/admin/audit', '/admin/notifications', '/admin/plan', '/admin/units', '/admin/settings'];
    const titles = new Map<string, string>();
    for (const path of paths) {
      await page.goto(`${server!.url}${path}`);
      await page.locator('h1').first().waitFor();
      const heading = (await page.locator('h1').first().innerText()).trim();
      await expect.poll(() => page.title()).toBe(`${heading} · Bảng theo dõi chỉ tiêu nhiệm kỳ`);
      titles.set(path, await page.title());
    }
    expect(new Set(titles.values()).size).toBe(paths.length);
    expect(unexpectedProblems(problems)).toEqual([]);
  });
});
