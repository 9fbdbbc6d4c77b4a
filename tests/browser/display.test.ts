import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Board, BoardIndicator } from '../../shared/api/board';
import { dateInZone } from '../../shared/time/dates';
import { axeViolations, launchBrowser, overflow, watchedPage, type WatchedPage } from '../helpers/browser';
import { api, startTestServer, TestClock, type TestServer } from '../helpers/start-test-server';

const CLIENT_DIR = join(import.meta.dirname, '..', '..', 'dist', 'client');
const RESOLUTIONS = [
  [1366, 768],
  [1920, 1080],
  [3840, 2160],
] as const;

let server: TestServer;
let browser: Browser;
let admin: string;
let displayUrl: string;
let board: Board;
const pages: WatchedPage[] = [];

beforeAll(async () => {
  // Real time: the browser's clock and the server's must agree on what "today" is.
  server = await startTestServer({ clock: new TestClock('real'), clientDir: CLIENT_DIR });
  admin = await server.login();
  const created = await api(server, 'POST', '/api/displays', { body: { name: 'Phòng họp kiểm thử' }, cookie: admin });
  displayUrl = created.body.url;
  board = (await api(server, 'GET', '/api/board', { cookie: admin })).body;
  browser = await launchBrowser();
});
afterEach(async () => {
  // Every test fails on a console error, a console warning (React's among them) or an uncaught error.
  const problems = pages.flatMap((p) => p.problems);
  await Promise.all(pages.splice(0).map((p) => p.context.close()));
  expect(problems).toEqual([]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(query: Record<string, string> = {}, size: readonly [number, number] = [1920, 1080]): Promise<Page> {
  const watched = await watchedPage(browser, { width: size[0], height: size[1] });
  pages.push(watched);
  const url = new URL(displayUrl);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  await watched.page.goto(url.toString());
  return watched.page;
}

function viNumber(value: number, decimals: number): string {
  return new Intl.NumberFormat('vi-VN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

const groupPages = () => board.groups.map((group) => ({ key: `group-${group.id}`, group }));
const indicatorsOf = (groupId: number) => board.indicators.filter((i) => i.groupId === groupId);

async function expectCardShows(page: Page, indicator: BoardIndicator): Promise<void> {
  const card = page.locator(`[data-indicator="${indicator.code}"]`);
  await card.waitFor({ state: 'visible', timeout: 10_000 });
  if (indicator.current !== null) expect(await card.innerText()).toContain(viNumber(indicator.current, indicator.decimals));
}

describe('the display URL', () => {
  it('opens with no login and shows every indicator of each page, with its vi-VN value', async () => {
    for (const { key, group } of groupPages()) {
      const page = await open({ page: key });
      for (const indicator of indicatorsOf(group.id)) await expectCardShows(page, indicator);
      expect(await page.locator('[data-indicator]').count()).toBe(indicatorsOf(group.id).length);
    }
  });

  it('shows the summary page with the count of each status', async () => {
    const page = await open({ page: 'summary' });
    const text = await page.locator('main').innerText();
    for (const word of ['Đã đạt', 'Đúng tiến độ', 'Có nguy cơ', 'Chậm tiến độ', 'Chưa có số liệu']) expect(text).toContain(word);
  });

  it('says so when the link has been revoked', async () => {
    const created = await api(server, 'POST', '/api/displays', { body: { name: 'Sẽ thu hồi' }, cookie: admin });
    await api(server, 'DELETE', `/api/displays/${created.body.id}`, { cookie: admin });
    const watched = await watchedPage(browser);
    await watched.page.goto(created.body.url);
    await watched.page.getByText(/không hợp lệ|thu hồi/i).first().waitFor({ timeout: 10_000 });
    await watched.context.close();
    // The refused handshake is logged by the browser itself; nothing else may be.
    expect(watched.problems.filter((p) => !/WebSocket|socket\.io|401|Failed to load resource/i.test(p))).toEqual([]);
  });
});

describe('live', () => {
  it('shows a reading posted through the API within a second', async () => {
    const indicator = board.indicators.find((i) => i.code === 'KTGS-01')!;
    const page = await open({ page: `group-${indicator.groupId}` });
    await expectCardShows(page, indicator);
    const card = page.locator(`[data-indicator="${indicator.code}"]`);
    const expected = viNumber(indicator.current! + 7, 0);
    const posted = Date.now();
    const answer = await api(server, 'POST', `/api/indicators/${indicator.id}/readings`, {
      body: { date: dateInZone(Date.now(), 'Asia/Ho_Chi_Minh'), value: 7 },
      cookie: admin,
    });
    expect(answer.status).toBe(201);
    await page.waitForFunction(
      ({ code, text }) => document.querySelector(`[data-indicator="${code}"]`)?.textContent?.includes(text),
      { code: indicator.code, text: expected },
      { timeout: 1000, polling: 'raf' },
    );
    expect(Date.now() - posted).toBeLessThan(1000);
    expect(await card.innerText()).toContain(expected);
    board = (await api(server, 'GET', '/api/board', { cookie: admin })).body;
  });

  it('shows a banner while the server is away, and clears it with the readings made meanwhile when it is back', async () => {
    const indicator = board.indicators.find((i) => i.code === 'XDD-01')!;
    const page = await open({ page: `group-${indicator.groupId}` });
    await expectCardShows(page, indicator);
    const banner = page.getByText(/Mất kết nối/);
    expect(await banner.count()).toBe(0);

    await server.stop();
    await banner.first().waitFor({ state: 'visible', timeout: 10_000 });

    await server.restart(async (app) => {
      await app.readings.record(
        { kind: 'user', userId: 1, username: 'admin', displayName: 'admin', role: 'admin', unitIds: [] },
        indicator.id,
        { date: dateInZone(Date.now(), 'Asia/Ho_Chi_Minh'), value: 3 },
      );
    });
    await banner.first().waitFor({ state: 'detached', timeout: 15_000 });
    await page.waitForFunction(
      ({ code, text }) => document.querySelector(`[data-indicator="${code}"]`)?.textContent?.includes(text),
      { code: indicator.code, text: viNumber(indicator.current! + 3, 0) },
      { timeout: 5000 },
    );
    board = (await api(server, 'GET', '/api/board', { cookie: await server.login() })).body;
    // The reconnect is logged by the browser while the server is down; nothing else may be.
    for (const watched of pages) {
      const rest = watched.problems.filter((p) => !/WebSocket|socket\.io|ERR_CONNECTION_REFUSED|Failed to load resource/i.test(p));
      watched.problems.splice(0, watched.problems.length, ...rest);
    }
  });
});

describe('layout and accessibility', () => {
  it.each(RESOLUTIONS)('fits %i×%i without scroll or overflow on every page', async (width, height) => {
    for (const key of ['summary', ...groupPages().map((p) => p.key)]) {
      const page = await open({ page: key }, [width, height]);
      await page.locator('main').waitFor();
      if (key !== 'summary') await page.locator('[data-indicator]').first().waitFor();
      const size = await overflow(page);
      expect({ key, ...size, fitsWidth: size.scrollWidth <= size.innerWidth, fitsHeight: size.scrollHeight <= size.innerHeight }).toMatchObject({
        key,
        fitsWidth: true,
        fitsHeight: true,
      });
      const outside = await page.evaluate(() =>
        [...document.querySelectorAll('[data-indicator]')]
          .map((card) => ({ code: card.getAttribute('data-indicator'), box: card.getBoundingClientRect() }))
          .filter(({ box }) => box.right > window.innerWidth + 0.5 || box.bottom > window.innerHeight + 0.5)
          .map(({ code }) => code),
      );
      expect({ key, outside }).toEqual({ key, outside: [] });
      await pages.pop()!.context.close();
    }
  });

  it.each(['dark', 'light'])('has no serious accessibility violations in the %s theme', async (theme) => {
    for (const key of ['summary', ...groupPages().map((p) => p.key)]) {
      const page = await open({ page: key, ...(theme === 'light' ? { theme } : {}) });
      await page.locator('main').waitFor();
      if (key !== 'summary') await page.locator('[data-indicator]').first().waitFor();
      const violations = await axeViolations(page);
      expect({ key, violations: violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`) }).toEqual({
        key,
        violations: [],
      });
    }
  });

  it('speaks English with ?lang=en', async () => {
    const page = await open({ page: 'summary', lang: 'en' });
    await page.locator('main').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('main').innerText()).toMatch(/Achieved/i);
  });
});

describe("the office's defaults", () => {
  it('show a screen whose link names no theme or language as the settings say', async () => {
    const changed = await api(server, 'PATCH', '/api/settings', { body: { defaultTheme: 'light', defaultLang: 'en' }, cookie: admin });
    expect(changed.status).toBe(200);
    try {
      const page = await open({ page: 'summary' });
      await page.locator('.display-light main').waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.locator('main').innerText()).toMatch(/Achieved/i);
      // The link's own choice wins.
      const fixed = await open({ page: 'summary', theme: 'dark', lang: 'vi' });
      await fixed.locator('.display-dark main').waitFor();
      expect(await fixed.locator('main').innerText()).toContain('Đã đạt');
    } finally {
      await api(server, 'PATCH', '/api/settings', { body: { defaultTheme: 'dark', defaultLang: 'vi' }, cookie: admin });
    }
  });
});

describe("the office's logo", () => {
  it('shows on the screen once an admin sets it, and the screen still fits', async () => {
    const { PNG } = await import('pngjs');
    const image = new PNG({ width: 120, height: 60 });
    for (let i = 0; i < image.data.length; i += 4) image.data.set([200, 30, 30, 255], i);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PNG.sync.write(image))]), 'logo.png');
    const set = await fetch(`${server.url}/api/settings/logo`, { method: 'PUT', body: form, headers: { cookie: admin } });
    expect(set.status).toBe(200);
    try {
      const page = await open({ page: 'summary' });
      const logo = page.locator('img.display-logo');
      await logo.waitFor();
      expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(120);
      const size = await overflow(page);
      expect(size.scrollWidth).toBeLessThanOrEqual(size.innerWidth);
      expect(size.scrollHeight).toBeLessThanOrEqual(size.innerHeight);
    } finally {
      await api(server, 'DELETE', '/api/settings/logo', { cookie: admin });
    }
  });
});
