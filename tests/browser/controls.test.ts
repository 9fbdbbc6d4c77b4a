import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signInFromPath, watchedPage } from '../helpers/browser';
import { uploadFile } from '../helpers/multipart';
import { ADMIN, api, startTestServer, TestClock, type TestServer } from '../helpers/start-test-server';

/**
 * The signed-in app in the office's words (issue 18): the audit log's labels, times and numbers,
 * Vietnamese day/month/year and file controls, the language switch, the role's name.
 */

const CLIENT_DIR = join(import.meta.dirname, '..', '..', 'dist', 'client');

let server: TestServer | undefined;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());
afterEach(() => server?.close());

const unexpected = (problems: string[]) => problems.filter((problem) => !problem.includes('status of 401'));

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
    expect(unexpected(problems)).toEqual([]);
  });
});
