import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Board } from '../../shared/api/board';
import { unexpectedProblems, watchedPage } from '../helpers/browser';
import { api } from '../helpers/start-test-server';
import { browserSuite } from './browser-suite';

/** The import page's verdicts and the board's bar, as a clerk and a leader met them (issue 18). */

const suite = browserSuite();

const csv = (rows: string[]) => Buffer.from(['code,date,value,numerator,denominator,note,evidence', ...rows].join('\n'));
/** Three rows in error: an unknown indicator, and two figures for one date of CCHC-02 (it takes its latest reading). */
const WITH_ERRORS = ['KTGS-02,2026-11-22,1,,,,', 'KHONG-CO,2026-11-22,1,,,,', 'CCHC-02,2026-11-22,90,,,,', 'CCHC-02,22/11/2026,91,,,,'];
const GOOD = ['KTGS-02,2026-11-22,1,,,,', 'XDD-04,2026-11-22,,5,5,,'];

async function check(page: Page, name: string, rows: string[]): Promise<void> {
  await page.getByLabel('Tệp số liệu').setInputFiles({ name, mimeType: 'text/csv', buffer: csv(rows) });
  await page.getByRole('button', { name: 'Tải lên và kiểm tra' }).click();
  await page.getByRole('heading', { name: `Kết quả kiểm tra tệp “${name}”` }).waitFor();
}

/** What tells a reader a piece is live or alarming: its colours, its see-through and its pointer. */
const look = (locator: Locator) =>
  locator.evaluate((element) => {
    const style = getComputedStyle(element);
    return { color: style.color, background: style.backgroundColor, opacity: style.opacity, cursor: style.cursor };
  });

describe('the import page', () => {
  it('draws the commit button held back by errors as disabled, not as the live button, and shows zero errors without alarm', async () => {
    const { page, problems } = await watchedPage(suite.browser, { width: 1366, height: 768 });
    await suite.signIn(page, '/workspace/import');

    await check(page, 'co-loi.csv', WITH_ERRORS);
    // The contradiction is told on both rows of CCHC-02.
    expect(await page.getByText('Tệp có dòng khác ghi số liệu khác cho cùng chỉ tiêu và ngày này', { exact: false }).count()).toBe(2);
    const held = page.getByRole('button', { name: /^Xác nhận ghi/ });
    expect(await held.isDisabled()).toBe(true);
    const heldLook = await look(held);
    const alarm = await look(page.locator('.ws-counts .badge', { hasText: '3 dòng lỗi' }));

    await page.getByRole('button', { name: 'Chọn tệp khác' }).click();
    await check(page, 'thang-11.csv', GOOD);
    const live = page.getByRole('button', { name: 'Xác nhận ghi 2 dòng mới' });
    expect(await live.isEnabled()).toBe(true);
    const liveLook = await look(live);
    // Not the live button faded a little: another fill, another text colour, a pointer that says no.
    expect(heldLook.background).not.toBe(liveLook.background);
    expect(heldLook.color).not.toBe(liveLook.color);
    expect(heldLook.cursor).toBe('not-allowed');
    expect(liveLook.cursor).toBe('pointer');

    const noErrors = await look(page.locator('.ws-counts .badge', { hasText: '0 dòng lỗi' }));
    expect(noErrors.color).not.toBe(alarm.color);
    expect(noErrors.background).not.toBe(alarm.background);
    expect(unexpectedProblems(problems)).toEqual([]);
  });

  it('on a phone, keeps a row in error a few lines high (its errors not squeezed to a word a line), and the page does not scroll sideways', async () => {
    const { page, problems } = await watchedPage(suite.browser, { width: 390, height: 844 });
    await suite.signIn(page, '/workspace/import');
    await check(page, 'co-loi.csv', WITH_ERRORS);
    const heights = await page.locator('tr.is-error').evaluateAll((rows) => rows.map((row) => row.getBoundingClientRect().height));
    expect(heights).toHaveLength(3);
    // Two lines of the longest error take about 60 px; a column a word wide took over 200.
    for (const height of heights) expect(height).toBeLessThan(120);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(unexpectedProblems(problems)).toEqual([]);
  });

  it('heads the page with what was written once the file is committed, no longer "Kết quả kiểm tra"', async () => {
    const { page, problems } = await watchedPage(suite.browser, { width: 1366, height: 768 });
    await suite.signIn(page, '/workspace/import');
    await check(page, 'thang-11.csv', GOOD);
    await page.getByRole('button', { name: 'Xác nhận ghi 2 dòng mới' }).click();
    await page.getByRole('heading', { name: 'Đã ghi số liệu từ tệp “thang-11.csv”', level: 2 }).waitFor();
    expect(await page.getByRole('heading', { name: /Kết quả kiểm tra/ }).count()).toBe(0);
    expect(await page.getByText('Đã ghi 2 số liệu; bỏ qua 0 dòng trùng.', { exact: false }).count()).toBe(1);
    expect(unexpectedProblems(problems)).toEqual([]);
  });
});

describe('the plan import', () => {
  it('heads its preview with what was imported once the plan file is committed', async () => {
    const board: Board = (await api(suite.server, 'GET', '/api/board', { cookie: await suite.server.login() })).body;
    // The plan template as it comes is a valid indicator (imports-templates.test.ts).
    const template = await fetch(`${suite.server.url}/api/terms/${board.term.id}/plan-imports/template.xlsx`, { headers: { cookie: await suite.server.login() } });
    const { page, problems } = await watchedPage(suite.browser, { width: 1366, height: 768 });
    await suite.signIn(page, '/admin/plan');
    await page.getByLabel('Tệp kế hoạch (.xlsx, .csv)').setInputFiles({
      name: 'ke-hoach.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await template.arrayBuffer()),
    });
    await page.getByRole('button', { name: 'Xem trước kế hoạch' }).click();
    await page.getByRole('heading', { name: 'Xem trước kế hoạch trong tệp “ke-hoach.xlsx”' }).waitFor();
    await page.getByRole('button', { name: 'Nhập kế hoạch' }).click();
    await page.getByRole('heading', { name: 'Đã nhập kế hoạch từ tệp “ke-hoach.xlsx”', level: 3 }).waitFor();
    expect(await page.getByRole('heading', { name: /Xem trước kế hoạch trong tệp/ }).count()).toBe(0);
    expect(unexpectedProblems(problems)).toEqual([]);
  });
});

describe('the board', () => {
  it('says what its bar measures: the share of the way from the term’s starting value to the target, and the share planned by now', async () => {
    const board: Board = (await api(suite.server, 'GET', '/api/board', { cookie: await suite.server.login() })).body;
    const indicator = board.indicators.find((i) => i.code === 'XDD-01')!;
    expect(indicator.progress).not.toBeNull();
    const percent = (share: number) => `${Math.round(share * 100)}%`;

    const { page, problems } = await watchedPage(suite.browser, { width: 1366, height: 768 });
    await suite.signIn(page, '/');
    const card = page.locator('[data-indicator="XDD-01"]');
    await card.waitFor();
    expect(await card.innerText()).toContain(
      `Tiến độ ${percent(indicator.progress!)} chặng đường từ mức đầu kỳ đến mục tiêu (kế hoạch đến nay: ${percent(indicator.expectedProgress)})`,
    );
    expect(unexpectedProblems(problems)).toEqual([]);
  });
});
