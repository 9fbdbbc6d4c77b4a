import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Board, BoardIndicator } from '../../shared/api/board';
import { axeViolations, signInFromPath, unexpectedProblems, watchedPage } from '../helpers/browser';
import { api } from '../helpers/start-test-server';
import { browserSuite } from './browser-suite';

/** The clerk's reading and correction forms (issue 18): focus, live preview, and what a clerk met. */

const suite = browserSuite();

let board: Board;

beforeEach(async () => {
  board = (await api(suite.server, 'GET', '/api/board', { cookie: await suite.server.login() })).body;
});

const indicatorOf = (code: string): BoardIndicator => board.indicators.find((indicator) => indicator.code === code)!;

/** What has the focus: its name attribute, else its text, else its accessible label. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return element?.getAttribute('name') || element?.textContent?.trim() || element?.getAttribute('aria-label') || element?.tagName || '';
  });

/** The focus stops met pressing Tab `presses` times, each counted once (a date field: its text, then its calendar button). */
async function tabStops(page: Page, presses: number): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    const stop = await focused(page);
    if (stops.at(-1) !== stop) stops.push(stop);
  }
  return stops;
}

const previewValue = (page: Page) => page.locator('[data-preview="value"]').innerText();

describe('the reading form', () => {
  it('takes the focus on its heading, tabs through its fields in order, previews as it is typed, and sends the focus to the first field in error', async () => {
    const indicator = indicatorOf('CCHC-01');
    const { page, problems } = await watchedPage(suite.browser);
    await suite.signIn(page, '/workspace');
    await page.getByRole('button', { name: `Nhập số liệu cho chỉ tiêu ${indicator.name}` }).click();
    await page.waitForFunction((code) => document.activeElement?.tagName === 'H2' && document.activeElement.textContent?.includes(code), indicator.code);

    const stops = await tabStops(page, 12);
    expect(stops.slice(0, stops.indexOf('Lưu số liệu') + 1)).toEqual(['Đóng', 'Xem lịch sử số liệu', 'date', 'Chọn ngày trên lịch', 'value', 'note', 'evidence', 'Lưu số liệu']);

    // The preview follows each keystroke, before anything is sent.
    const value = page.getByLabel(/^Giá trị/);
    await page.getByText('Đang tải số liệu để xem trước…').waitFor({ state: 'detached' });
    await value.pressSequentially('9');
    await page.waitForFunction(() => document.querySelector('[data-preview="value"]')?.textContent === '9,0%');
    await value.pressSequentially('9,7');
    await page.waitForFunction(() => document.querySelector('[data-preview="value"]')?.textContent === '99,7%');
    expect(await previewValue(page)).toBe('99,7%');
    await value.fill('140');
    await page.getByText('Nhập số liệu hợp lệ để xem trước giá trị và trạng thái mới.').waitFor();
    // No error is shown before the first submit.
    expect(await value.getAttribute('aria-invalid')).toBeNull();

    await page.getByRole('button', { name: 'Lưu số liệu' }).click();
    await page.getByText('Không được lớn hơn 100.').waitFor();
    expect(await focused(page)).toBe('value');
    // After the first submit the errors follow the edits.
    await value.fill('98');
    await page.waitForFunction(() => document.querySelector('input[name="value"]')?.getAttribute('aria-invalid') === null);
    expect(await previewValue(page)).toBe('98,0%');
    expect(unexpectedProblems(problems)).toEqual([]);
  });
});

describe("the server's refusal", () => {
  it('stands beside the field it is about, takes the focus there, and goes when that field is edited', async () => {
    const indicator = indicatorOf('CCHC-01');
    const { page, problems } = await watchedPage(suite.browser);
    await suite.signIn(page, '/workspace');
    // The server's day is two days behind this computer's: today here is a day to come there.
    suite.server.clock.advance(-2 * 24 * 3600 * 1000);
    await page.getByRole('button', { name: `Nhập số liệu cho chỉ tiêu ${indicator.name}` }).click();
    await page.getByLabel(/^Giá trị/).fill('98');
    await page.getByRole('button', { name: 'Lưu số liệu' }).click();
    await page.getByText('Dữ liệu chưa hợp lệ. Vui lòng kiểm tra lại các trường được đánh dấu.').waitFor();
    const date = page.locator('input[name="date"]');
    expect(await page.locator('.ws-form .field', { has: date }).innerText()).toContain('Không được nhập số liệu cho ngày chưa đến.');
    expect(await focused(page)).toBe('date');
    // Another field edited: the date's refusal stays; the date edited: it goes.
    await page.getByLabel(/^Giá trị/).fill('98,5');
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    await date.fill(new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString().slice(0, 10));
    await page.waitForFunction(() => document.querySelector('input[name="date"]')?.getAttribute('aria-invalid') === null);
    await page.getByRole('button', { name: 'Lưu số liệu' }).click();
    await page.getByText(/^Đã lưu số liệu ngày/).waitFor();
    expect(unexpectedProblems(problems).filter((problem) => !problem.includes('status of 400'))).toEqual([]);
  });
});

describe('the correction form', () => {
  it('takes the focus on its heading, tabs through the figures then the reason, previews as it is typed, and sends the focus to the reason left empty', async () => {
    const indicator = indicatorOf('CCHC-01');
    const { page, problems } = await watchedPage(suite.browser);
    await suite.signIn(page, `/workspace/indicators/${indicator.id}`);
    await page.getByRole('button', { name: /^Đính chính bản ghi/ }).first().click();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H3' && document.activeElement.textContent?.startsWith('Đính chính bản ghi'));

    const stops = await tabStops(page, 12);
    expect(stops.slice(0, stops.indexOf('Hủy') + 1)).toEqual(['date', 'Chọn ngày trên lịch', 'value', 'note', 'evidence', 'reason', 'Lưu bản đính chính', 'Hủy']);

    const form = page.locator('form.ws-correction');
    const value = form.getByLabel(/^Giá trị/);
    await form.getByLabel(/^Lý do đính chính/).fill('Số liệu nhập nhầm');
    await value.fill('');
    await value.pressSequentially('96,4');
    await page.waitForFunction(() => document.querySelector('[data-preview="value"]')?.textContent === '96,4%');

    await form.getByLabel(/^Lý do đính chính/).fill('');
    await form.getByRole('button', { name: 'Lưu bản đính chính' }).click();
    await page.getByText('Vui lòng nêu lý do đính chính.').waitFor();
    expect(await focused(page)).toBe('reason');
    expect(unexpectedProblems(problems)).toEqual([]);
  });
});

/** Whether the element's box lies within the viewport. */
const inView = (page: Page, selector: string) =>
  page.evaluate((query) => {
    const box = document.querySelector(query)!.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  }, selector);

/** A plain number shown without decimals, as an admin may define one. */
const WHOLE_NUMBER = {
  code: 'DTC-01',
  name: 'Vốn đầu tư công giải ngân',
  measure: 'number',
  aggregation: 'latest',
  direction: 'increase',
  unit: 'tỷ đồng',
  baseline: 0,
  target: 500,
  updateFrequency: 'month',
  decimals: 0,
} as const;

describe('what a clerk met (issue 18)', () => {
  it('is shown the confirmation and the new row where they are looking after "Lưu bản đính chính" (1366×768)', async () => {
    const indicator = indicatorOf('CCHC-01');
    const { page, problems } = await watchedPage(suite.browser, { width: 1366, height: 768 });
    await suite.signIn(page, `/workspace/indicators/${indicator.id}`);
    // The oldest reading, at the foot of a long history.
    const open = page.getByRole('button', { name: /^Đính chính bản ghi/ });
    await open.first().waitFor();
    expect(await open.count()).toBeGreaterThan(8);
    await open.last().click();
    const form = page.locator('form.ws-correction');
    await form.getByLabel(/^Lý do đính chính/).fill('Số liệu nhập nhầm');
    await form.getByLabel(/^Giá trị/).fill('96,4');
    await form.getByRole('button', { name: 'Lưu bản đính chính' }).click();
    const saved = page.getByText(/^Đã lưu bản ghi #(\d+) đính chính cho bản ghi #\d+\.$/);
    await saved.waitFor();
    const correction = Number((await saved.innerText()).match(/#(\d+)/)![1]);
    await page.locator(`[data-reading="${correction}"]`).waitFor();
    await page.waitForFunction((id) => document.activeElement?.closest(`[data-reading="${id}"]`) !== null, correction);
    expect(await inView(page, '.ws-live .ws-saved')).toBe(true);
    expect(await inView(page, `[data-reading="${correction}"]`)).toBe(true);
    expect(unexpectedProblems(problems)).toEqual([]);
  });

  it('previews a correction whose reason is still empty (the reason is asked for on saving, not for the preview)', async () => {
    const indicator = indicatorOf('CCHC-01');
    const { page, problems } = await watchedPage(suite.browser);
    await suite.signIn(page, `/workspace/indicators/${indicator.id}`);
    await page.getByRole('button', { name: /^Đính chính bản ghi/ }).first().click();
    const form = page.locator('form.ws-correction');
    await form.getByLabel(/^Giá trị/).fill('96,4');
    await page.waitForFunction(() => document.querySelector('[data-preview="value"]')?.textContent === '96,4%');
    expect(await form.innerText()).not.toContain('Nhập số liệu hợp lệ');
    expect(unexpectedProblems(problems)).toEqual([]);
  });

  it('says a cumulative reading is the amount new in the period, and takes the running total instead, saved as total − current sum', async () => {
    const indicator = indicatorOf('XDD-01');
    const admin = await suite.server.login();
    // The case: 6 so far.
    const sum = indicator.current ?? 0;
    const { page, problems } = await watchedPage(suite.browser);
    await suite.signIn(page, '/workspace');
    await page.getByRole('button', { name: `Nhập số liệu cho chỉ tiêu ${indicator.name}` }).click();
    const amount = page.getByLabel('Số mới trong kỳ (đảng viên)');
    await amount.waitFor();
    expect(await page.locator('.ws-form .field', { has: amount }).innerText()).toContain('không phải tổng lũy kế');
    await amount.fill('2');
    await page.waitForFunction(() => document.querySelector('[data-preview="amount"]')?.textContent === '2 đảng viên');

    await page.getByLabel('Nhập tổng lũy kế').check();
    const total = page.getByLabel('Tổng lũy kế (đảng viên)');
    await total.fill(String(sum + 7));
    await page.waitForFunction(() => document.querySelector('[data-preview="amount"]')?.textContent === '7 đảng viên');
    expect(await page.locator('[data-preview="value"]').innerText()).toBe(`${sum + 7} đảng viên`);
    expect(await axeViolations(page)).toEqual([]);

    await total.fill(String(sum - 1));
    await page.getByRole('button', { name: 'Lưu số liệu' }).click();
    await page.getByText('Tổng lũy kế không được nhỏ hơn tổng hiện có', { exact: false }).waitFor();
    expect(await focused(page)).toBe('value');

    await total.fill(String(sum + 7));
    await page.getByRole('button', { name: 'Lưu số liệu' }).click();
    await page.getByText(/^Đã lưu số liệu ngày .*: 7 đảng viên/).waitFor();
    const after = (await api(suite.server, 'GET', '/api/board', { cookie: admin })).body as Board;
    expect(after.indicators.find((candidate) => candidate.id === indicator.id)!.current).toBe(sum + 7);
    expect(unexpectedProblems(problems)).toEqual([]);
  });

  it('gives a whole-number example to whole-number fields (a count, a ratio, a number shown without decimals), and a decimal one only where decimals are shown', async () => {
    const group = board.indicators[0]!;
    const created = await api(suite.server, 'POST', `/api/terms/${board.term.id}/indicators`, {
      body: { ...WHOLE_NUMBER, groupId: group.groupId, ownerUnitId: group.ownerUnit.id },
      cookie: await suite.server.login(),
    });
    expect(created.status).toBe(201);
    const { page, problems } = await watchedPage(suite.browser);
    await suite.signIn(page, '/workspace');
    const hintOf = (label: RegExp) => page.locator('.ws-form .field', { has: page.getByLabel(label) }).innerText();
    const save = () => page.getByRole('button', { name: 'Lưu số liệu' }).click();

    await page.getByRole('button', { name: `Nhập số liệu cho chỉ tiêu ${indicatorOf('XDD-01').name}` }).click();
    await page.getByLabel(/^Số mới trong kỳ/).fill('mười hai');
    await save();
    await page.getByText('Không phải là số nguyên. Nhập ví dụ 12.').waitFor();
    expect(await hintOf(/^Số mới trong kỳ/)).not.toMatch(/97|thập phân/);

    await page.getByRole('button', { name: `Nhập số liệu cho chỉ tiêu ${indicatorOf('XDD-04').name}` }).click();
    await page.getByLabel('Tử số').fill('ba');
    await save();
    await page.getByText('Không phải là số nguyên. Nhập ví dụ 12.').waitFor();
    expect(await page.locator('.ws-form').innerText()).not.toMatch(/97|thập phân/);

    await page.getByRole('button', { name: `Nhập số liệu cho chỉ tiêu ${indicatorOf('CCHC-01').name}` }).click();
    expect(await hintOf(/^Giá trị/)).toContain('ví dụ 97,5');

    // A plain number shown without decimals: a whole example, no word of decimals.
    await page.getByRole('button', { name: `Nhập số liệu cho chỉ tiêu ${WHOLE_NUMBER.name}` }).click();
    const wholeHint = await hintOf(/^Giá trị/);
    expect(wholeHint).toContain('Một số bất kỳ. Ví dụ 98.');
    expect(wholeHint).not.toMatch(/97|thập phân/);
    expect(unexpectedProblems(problems)).toEqual([]);
  });
});

describe('on a phone (390×844)', () => {
  it('shows the whole correction form within the screen, though the history table scrolls sideways', async () => {
    const indicator = indicatorOf('CCHC-01');
    const { page, problems } = await watchedPage(suite.browser, { width: 390, height: 844 });
    await suite.signIn(page, `/workspace/indicators/${indicator.id}`);
    await page.getByRole('button', { name: /^Đính chính bản ghi/ }).first().click();
    const form = page.locator('form.ws-correction');
    await form.getByLabel(/^Giá trị/).click();
    // Each of the form's fields and buttons is seen whole: none cut by the table's sideways scroll.
    const cut = await form.evaluate((element) => {
      const frame = element.closest('.table-scroll')!.getBoundingClientRect();
      return [...element.querySelectorAll('input, textarea, button, h3')]
        .map((control) => ({ name: control.getAttribute('name') ?? control.textContent, box: control.getBoundingClientRect() }))
        .filter(({ box }) => box.left < Math.max(0, frame.left) - 0.5 || box.right > Math.min(window.innerWidth, frame.right) + 0.5)
        .map(({ name }) => name);
    });
    expect(cut).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    expect(unexpectedProblems(problems)).toEqual([]);
  });
});

describe('the list of indicators on a phone (390×844)', () => {
  it("keeps each indicator's name readable, a line of words, the table scrolling sideways inside its frame", async () => {
    const indicator = indicatorOf('XDD-01');
    const { page, problems } = await watchedPage(suite.browser, { width: 390, height: 844 });
    await suite.signIn(page, '/workspace');
    const name = page.locator(`tr[data-indicator="${indicator.code}"] .screen-name`);
    await name.waitFor();
    // Its name stands on one or two lines at a phone's width, not a letter a line.
    const box = (await name.boundingBox())!;
    const lineHeight = await name.evaluate((element) => parseFloat(getComputedStyle(element).lineHeight));
    expect(box.width).toBeGreaterThanOrEqual(180);
    expect(box.height).toBeLessThanOrEqual(lineHeight * 2 + 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    expect(unexpectedProblems(problems)).toEqual([]);
  });
});

describe("another unit's indicator", () => {
  it('says why its history is read only: whose it is, and who may enter its readings', async () => {
    const own = indicatorOf('XDD-01');
    const other = indicatorOf('CCHC-01');
    expect(own.ownerUnit.id).not.toBe(other.ownerUnit.id);
    await suite.server.createUser({ username: 'chuyenvien.xdd', password: 'Chuyen-Vien-2026', role: 'editor', unitIds: [own.ownerUnit.id] });
    const { page, problems } = await watchedPage(suite.browser);
    await signInFromPath(page, suite.server.url, `/workspace/indicators/${other.id}`, 'chuyenvien.xdd', 'Chuyen-Vien-2026');
    const notice = page.locator('[data-read-only]');
    await notice.waitFor();
    expect(await notice.innerText()).toBe(
      `Chỉ xem: chỉ tiêu này thuộc ${other.ownerUnit.name}. Chỉ chuyên viên của ${other.ownerUnit.name} (hoặc quản trị viên) mới nhập và đính chính được số liệu của chỉ tiêu này.`,
    );
    expect(await page.getByRole('button', { name: /^Đính chính bản ghi/ }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // Their own unit's indicator says nothing of the kind.
    await page.goto(`${suite.server.url}/workspace/indicators/${own.id}`);
    await page.getByRole('heading', { name: 'Lịch sử số liệu', level: 2 }).waitFor();
    expect(await page.locator('[data-read-only]').count()).toBe(0);
    expect(unexpectedProblems(problems)).toEqual([]);
  });
});
