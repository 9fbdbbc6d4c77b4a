import { describe, expect, it } from 'vitest';
import { unexpectedProblems, watchedPage } from '../helpers/browser';
import { ADMIN } from '../helpers/start-test-server';
import { browserSuite } from './browser-suite';

/** What a clerk and an admin met on their first day (issue 18), each checked in the built client. */

const suite = browserSuite();

describe('the clerk', () => {
  it('is told a count is a whole number, with no example of decimals', async () => {
    const { page, problems } = await watchedPage(suite.browser);
    await suite.signIn(page, '/workspace');
    await page.getByRole('button', { name: 'Nhập số liệu cho chỉ tiêu Kết nạp đảng viên mới' }).first().click();
    // A cumulative count: its reading is the amount new in the period.
    const value = page.getByLabel(/^Số mới trong kỳ/);
    await value.waitFor();
    const countHint = await page.locator('.ws-form .field', { has: value }).innerText();
    expect(countHint).toContain('Số nguyên, không âm.');
    expect(countHint).not.toContain('97,5');
    expect(countHint).not.toContain('thập phân');
    expect(unexpectedProblems(problems)).toEqual([]);
  });
});

describe('the admin', () => {
  it('calls the role that updates indicators "Chuyên viên", and each admin page names itself in the tab', async () => {
    const { page, problems } = await watchedPage(suite.browser);
    await suite.signIn(page, '/admin/users');
    await page.getByRole('heading', { name: 'Người dùng', level: 1 }).waitFor();
    expect(await page.title()).toBe('Người dùng · Bảng theo dõi chỉ tiêu nhiệm kỳ');
    const roles = await page.getByLabel('Vai trò').first().locator('option').allInnerTexts();
    expect(roles).toContain('Chuyên viên');
    expect(await page.locator('body').innerText()).not.toContain('Biên tập viên');

    await page.getByRole('link', { name: 'Nhật ký', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Nhật ký thao tác', level: 1 }).waitFor();
    expect(await page.title()).toBe('Nhật ký thao tác · Bảng theo dõi chỉ tiêu nhiệm kỳ');
    expect(unexpectedProblems(problems)).toEqual([]);
  });
});

describe('in English', () => {
  it('writes the workspace count through the plural rules (no raw {count, plural} and never "1 indicators")', async () => {
    const { page, problems } = await watchedPage(suite.browser);
    await page.goto(`${suite.server.url}/login?lang=en`);
    await page.getByLabel('Username').fill(ADMIN.username);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto(`${suite.server.url}/workspace?lang=en`);
    await page.getByText(/^\d+ indicators, \d+ of them overdue\.$/).waitFor();
    expect(await page.locator('body').innerText()).not.toMatch(/\b1 indicators\b/);
    expect(unexpectedProblems(problems)).toEqual([]);
  });
});
