import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signInFromPath, unexpectedProblems, watchedPage } from '../helpers/browser';
import { ADMIN, api, startTestServer, TestClock, type TestServer } from '../helpers/start-test-server';
import { CLIENT_DIR } from './browser-suite';

/**
 * The plan's, tokens', users', account's and audit's forms on react-hook-form with the zod
 * resolver (client/ui/useApiForm.ts): what the schema of shared/ refuses is said beside its field
 * in Vietnamese, nothing is sent, and the first field in error takes the focus.
 */

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ clock: new TestClock('real'), clientDir: CLIENT_DIR });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const signIn = (page: Page, path: string) => signInFromPath(page, server.url, path, ADMIN.username, ADMIN.password);
// One session for the test's own reads: every sign-in counts against the login's rate limit.
let cookie: string | undefined;
const get = async (path: string) => (await api(server, 'GET', path, { cookie: (cookie ??= await server.login()) })).body;

/** The accessible description of the focused control: its hint and its error. */
const focusedLabel = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? null);

describe('the plan page', () => {
  it('says each wrong field of an indicator beside it (numbers, milestones, rules), focuses the first, then saves', async () => {
    const { page, problems } = await watchedPage(browser);
    await signIn(page, '/admin/plan');
    const before = (await get('/api/board')).indicators.length;

    await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).first().click();
    await page.getByLabel('Giá trị đầu kỳ').fill('abc');
    await page.getByRole('button', { name: 'Thêm mốc' }).click();
    await page.getByLabel('Năm (mốc 1)').fill('20x7');
    await page.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();

    await page.getByText('Vui lòng nhập mã chỉ tiêu.').waitFor();
    expect(await page.getByLabel('Mã chỉ tiêu').getAttribute('aria-invalid')).toBe('true');
    expect(await focusedLabel(page)).toContain('Mã chỉ tiêu');
    await page.getByText('Vui lòng nhập tên chỉ tiêu.').waitFor();
    await page.getByText('Vui lòng chọn đơn vị phụ trách.').waitFor();
    await page.getByText('Vui lòng nhập mục tiêu nhiệm kỳ.').waitFor();
    await page.getByText('Năm là số nguyên, ví dụ 2027.').waitFor();
    expect(await page.getByLabel('Năm (mốc 1)').getAttribute('aria-invalid')).toBe('true');
    // "abc" is not a number: said as such, and no rule is judged on it.
    expect(await page.getByLabel('Giá trị đầu kỳ').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Chỉ tiêu giảm: mục tiêu không được cao hơn giá trị đầu kỳ.').count()).toBe(0);

    await page.getByLabel('Mã chỉ tiêu').fill('kt-99');
    expect(await page.getByLabel('Mã chỉ tiêu').inputValue()).toBe('KT-99');
    await page.getByLabel('Tên chỉ tiêu').fill('Tỷ lệ hồ sơ trễ hạn');
    await page.getByLabel('Đơn vị phụ trách').selectOption({ index: 1 });
    await page.getByLabel('Chiều hướng').selectOption('decrease');
    await page.getByLabel('Giá trị đầu kỳ').fill('10');
    await page.getByLabel('Mục tiêu nhiệm kỳ').fill('12,5');
    await page.getByLabel('Năm (mốc 1)').fill('2027');
    await page.getByLabel('Giá trị (mốc 1)').fill('8');
    await page.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
    // Every number read: the schema's rule speaks, in the form's words, beside the target.
    await page.getByText('Chỉ tiêu giảm: mục tiêu không được cao hơn giá trị đầu kỳ.').waitFor();
    expect(await focusedLabel(page)).toContain('Mục tiêu nhiệm kỳ');
    expect((await get('/api/board')).indicators.length).toBe(before);

    await page.getByLabel('Mục tiêu nhiệm kỳ').fill('2,5');
    await page.getByLabel('Số chữ số thập phân').fill('1');
    await page.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
    await expect.poll(async () => (await get('/api/board')).indicators.find((i: { code: string }) => i.code === 'KT-99')).toMatchObject({
      target: 2.5,
      baseline: 10,
      direction: 'decrease',
      milestones: [{ year: 2027, value: 8 }],
    });
    expect(unexpectedProblems(problems)).toEqual([]);
  });

  it('says an empty group name beside it, and a target that is not a number beside its indicator in a new term', async () => {
    const { page, problems } = await watchedPage(browser);
    await signIn(page, '/admin/plan');
    await page.getByRole('button', { name: 'Thêm nhóm' }).first().click();
    await page.getByRole('button', { name: 'Tạo nhóm' }).click();
    await page.getByText('Vui lòng nhập tên nhóm.').waitFor();
    expect(await focusedLabel(page)).toContain('Tên nhóm');
    await page.getByLabel('Tên nhóm').fill('Nhóm thử nghiệm');
    await page.getByRole('button', { name: 'Tạo nhóm' }).click();
    await page.getByText('Đã thêm nhóm “Nhóm thử nghiệm”.').waitFor();
    // The new group is the last page: it can move up, not down.
    const groupNames = async () => ((await get('/api/board')).groups as Array<{ name: string }>).map((group) => group.name);
    expect((await groupNames()).at(-1)).toBe('Nhóm thử nghiệm');
    expect(await page.getByRole('button', { name: 'Đưa “Nhóm thử nghiệm” xuống sau' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Đưa “Nhóm thử nghiệm” lên trước' }).click();
    await expect.poll(async () => (await groupNames()).at(-2)).toBe('Nhóm thử nghiệm');

    const terms = (await get('/api/terms')).terms.length;
    await page.getByRole('button', { name: 'Mở nhiệm kỳ mới' }).click();
    const code = (await get('/api/board')).indicators[0].code as string;
    await page.getByLabel(`Mục tiêu mới của ${code}`).fill('nhiều');
    await page.getByRole('button', { name: 'Tạo nhiệm kỳ' }).click();
    await page.getByText('Vui lòng nhập tên nhiệm kỳ.').waitFor();
    expect(await page.getByLabel(`Mục tiêu mới của ${code}`).getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Nhập một số, ví dụ 95 hoặc 97,5.').first().waitFor();
    expect((await get('/api/terms')).terms.length).toBe(terms);
    expect(unexpectedProblems(problems)).toEqual([]);
  });
});

describe('the terms table', () => {
  it('offers to close the open term and to make the other current, each asking first and giving the focus back on cancel', async () => {
    const { page, problems } = await watchedPage(browser);
    await signIn(page, '/admin/plan');
    const terms = (await get('/api/terms')).terms as Array<{ name: string; current: boolean }>;
    const current = terms.find((term) => term.current)!.name;
    const other = terms.find((term) => !term.current)!.name;
    expect(await page.getByRole('button', { name: `Chọn ${current} làm nhiệm kỳ hiện tại` }).count()).toBe(0);
    for (const label of [`Kết thúc nhiệm kỳ ${current}`, `Chọn ${other} làm nhiệm kỳ hiện tại`]) {
      const opener = page.getByRole('button', { name: label });
      await opener.click();
      await page.getByRole('dialog').getByRole('button', { name: 'Hủy' }).click();
      await expect.poll(() => opener.evaluate((button) => button === document.activeElement)).toBe(true);
    }
    expect((await get('/api/terms')).terms).toEqual(terms);
    expect(unexpectedProblems(problems)).toEqual([]);
  });
});

describe('the tokens, users, account and audit pages', () => {
  it('asks for a unit or an indicator before creating a token', async () => {
    const { page, problems } = await watchedPage(browser);
    await signIn(page, '/admin/tokens');
    await page.getByLabel('Tên mã').fill('Hệ thống một cửa');
    await page.getByRole('button', { name: 'Tạo mã' }).click();
    await page.locator('.field-error', { hasText: 'Chọn ít nhất một đơn vị hoặc một chỉ tiêu.' }).waitFor();
    expect((await get('/api/tokens')).tokens).toEqual([]);
    expect(unexpectedProblems(problems)).toEqual([]);
  });

  it('refuses a short new password in the reset dialog beside its field', async () => {
    const { page, problems } = await watchedPage(browser);
    await signIn(page, '/admin/users');
    await page.getByRole('button', { name: `Đặt lại mật khẩu cho ${ADMIN.username}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Mật khẩu mới').fill('ngan');
    await dialog.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
    await dialog.getByText('Mật khẩu cần ít nhất 10 ký tự.').waitFor();
    expect(await dialog.getByLabel('Mật khẩu mới').getAttribute('aria-invalid')).toBe('true');
    expect(unexpectedProblems(problems)).toEqual([]);
  });

  it('refuses a wrong address for reminders, then saves a right one', async () => {
    const { page, problems } = await watchedPage(browser);
    await signIn(page, '/account');
    const email = page.getByLabel('Thư điện tử');
    await email.fill('khong-phai-dia-chi');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Địa chỉ thư không hợp lệ.').waitFor();
    await email.fill('admin@ubnd.example.vn');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu.').waitFor();
    expect((await get('/api/account')).email).toBe('admin@ubnd.example.vn');
    expect(unexpectedProblems(problems)).toEqual([]);
  });

  it('refuses an audit filter ending before it starts', async () => {
    const { page, problems } = await watchedPage(browser);
    await signIn(page, '/admin/audit');
    // The list panel (ui/ListPanel): its heading, the entries, how many are shown.
    await page.getByRole('region', { name: 'Các thao tác' }).getByText(/Đang hiển thị \d+ mục/).waitFor();
    await page.getByLabel('Từ ngày').fill('2026-11-20');
    await page.getByLabel('Đến ngày').fill('2026-11-10');
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await page.getByText('“Đến ngày” phải cùng hoặc sau “Từ ngày”.').waitFor();
    await page.getByLabel('Đến ngày').fill('2026-11-30');
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await expect.poll(() => page.getByText('“Đến ngày” phải cùng hoặc sau “Từ ngày”.').count()).toBe(0);
    expect(unexpectedProblems(problems)).toEqual([]);
  });
});

describe('the login page', () => {
  it('asks for both fields once, says a wrong password, then signs in, its fields named by their labels', async () => {
    const { page, problems } = await watchedPage(browser);
    await page.goto(`${server.url}/login`);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Vui lòng nhập tên đăng nhập và mật khẩu.').waitFor();
    await page.getByLabel('Tên đăng nhập').fill(ADMIN.username);
    await page.getByLabel('Mật khẩu').fill('not-the-password');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
    expect(await page.getByLabel('Mật khẩu').inputValue()).toBe('');
    await page.getByLabel('Mật khẩu').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    expect(unexpectedProblems(problems).filter((problem) => !problem.includes('status of 400'))).toEqual([]);
  });
});
