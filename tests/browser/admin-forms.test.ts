import { describe, expect, it } from 'vitest';
import { overflow, unexpectedProblems, watchedPage } from '../helpers/browser';
import { ADMIN } from '../helpers/start-test-server';
import { browserSuite } from './browser-suite';

/** The admin forms on react-hook-form (client/ui/useApiForm.ts): checked before sending, refused beside the field, sent once. */

const suite = browserSuite();

async function unitNames(): Promise<string[]> {
  const response = await fetch(`${suite.server.url}/api/units`, { headers: { cookie: await suite.server.login() } });
  const body = (await response.json()) as { units: Array<{ name: string }> };
  return body.units.map((unit) => unit.name);
}

describe('the units page', () => {
  it('refuses an empty name beside the field, then adds, renames and moves a unit', async () => {
    const { page, problems } = await watchedPage(suite.browser);
    await suite.signIn(page, '/admin/units');
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
    expect(unexpectedProblems(problems)).toEqual([]);
  });

  it('scrolls only downwards on a phone (390×844)', async () => {
    const { page } = await watchedPage(suite.browser, { width: 390, height: 844 });
    await suite.signIn(page, '/admin/units');
    await page.locator('.unit-tree-row').first().waitFor();
    const size = await overflow(page);
    expect(size.scrollWidth).toBe(size.innerWidth);
  });
});

describe('the users page', () => {
  it('says a taken user name beside its field, then creates the user', async () => {
    const { page, problems } = await watchedPage(suite.browser);
    await suite.signIn(page, '/admin/users');
    await page.getByRole('heading', { name: 'Người dùng', level: 1 }).waitFor();
    const username = page.getByLabel('Tên đăng nhập');
    await username.fill(ADMIN.username);
    await page.getByLabel('Họ và tên').fill('Nguyễn Văn Thử');
    await page.getByLabel('Mật khẩu ban đầu').fill('Mat-khau-moi-123');
    await page.getByRole('button', { name: 'Tạo người dùng' }).click();
    await page.getByText('Tên đăng nhập này đã có người dùng. Vui lòng chọn tên khác.').waitFor();
    expect(await username.getAttribute('aria-invalid')).toBe('true');

    await username.fill('chuyenvien.thu');
    await page.getByRole('button', { name: 'Tạo người dùng' }).click();
    await page.getByText('Đã tạo người dùng “Nguyễn Văn Thử”.').waitFor();
    expect(await username.inputValue()).toBe('');
    expect(unexpectedProblems(problems).filter((problem) => !problem.includes('status of 409'))).toEqual([]);
  });
});

describe('the account page', () => {
  it('checks the second typing and the current password beside their fields, then changes the password', async () => {
    const { page, problems } = await watchedPage(suite.browser);
    await suite.signIn(page, '/account');
    const current = page.getByLabel('Mật khẩu hiện tại');
    await current.fill('not-the-password');
    await page.getByLabel(/^Mật khẩu mới/).fill('Mat-khau-moi-123');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('Mat-khau-khac-123');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByText('Mật khẩu nhập lại không khớp với mật khẩu mới.').waitFor();

    await page.getByLabel('Nhập lại mật khẩu mới').fill('Mat-khau-moi-123');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByText('Mật khẩu hiện tại không đúng.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('password');

    await current.fill(ADMIN.password);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByText('Đã đổi mật khẩu.', { exact: false }).waitFor();
    expect(await current.inputValue()).toBe('');
    expect(unexpectedProblems(problems)).toEqual([]);
  });
});
