import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Board, BoardIndicator } from '../../shared/api/board';
import { PAIRING_ALPHABET } from '../../shared/api/displays';
import { dateInZone } from '../../shared/time/dates';
import { axeViolations, launchBrowser, overflow, watchedPage, type WatchedPage } from '../helpers/browser';
import { api, startTestServer, TestClock, type TestServer } from '../helpers/start-test-server';
import { clippedText, smallText, type TextRule } from './display-checks';

/*
 * Each test has its own server (its own database) and its own browser contexts: a test that
 * fails or times out (a restart that does not come back) cannot topple the next one. The browser
 * process is shared: it holds no state between contexts.
 */

const CLIENT_DIR = join(import.meta.dirname, '..', '..', 'dist', 'client');
const RESOLUTIONS = [
  [1366, 768],
  [1920, 1080],
  [3840, 2160],
] as const;
/**
 * Every page is checked in both languages (their words differ in length) and in both themes. The
 * themes differ in colours only (client/styles/display/base.css: `.display-light` sets colour
 * variables and nothing that moves a glyph), so each language is paired with one theme: the
 * checks of size and clipping cover both of each at half the page loads of all four pairs.
 */
const LOOKS = [
  { theme: 'dark', lang: 'vi' },
  { theme: 'light', lang: 'en' },
] as const;
const PHONES = [
  [390, 844],
  [844, 390],
] as const;

let browser: Browser;
let server: TestServer;
let admin: string;
let displayUrl: string;
let board: Board;
const pages: WatchedPage[] = [];
/** Console lines a test expects (a server it stopped on purpose): matched lines are not problems. */
let expectedProblems: RegExp | null = null;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  // Real time: the browser's clock and the server's must agree on what "today" is.
  server = await startTestServer({ clock: new TestClock('real'), clientDir: CLIENT_DIR });
  admin = await server.login();
  displayUrl = (await api(server, 'POST', '/api/displays', { body: { name: 'Phòng họp kiểm thử' }, cookie: admin })).body.url;
  board = (await api(server, 'GET', '/api/board', { cookie: admin })).body;
  expectedProblems = null;
});
afterEach(async () => {
  // Every test fails on a console error, a console warning (React's among them) or an uncaught error.
  const problems = pages.flatMap((p) => p.problems).filter((line) => !expectedProblems?.test(line));
  await Promise.all(pages.splice(0).map((p) => p.context.close()));
  await server?.close();
  expect(problems).toEqual([]);
});

async function newPage(size: readonly [number, number] = [1920, 1080]): Promise<Page> {
  const watched = await watchedPage(browser, { width: size[0], height: size[1] });
  pages.push(watched);
  return watched.page;
}

function linkWith(query: Record<string, string>): string {
  const url = new URL(displayUrl);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.toString();
}

async function open(query: Record<string, string> = {}, size: readonly [number, number] = [1920, 1080]): Promise<Page> {
  const page = await newPage(size);
  await page.goto(linkWith(query));
  return page;
}

/** The page keys of the board, as the footer of a screen counts them: the summary's parts, then the groups'. */
async function pageKeys(page: Page): Promise<string[]> {
  await page.locator('.page-list').waitFor();
  const summaries = (await page.locator('.page-list li').count()) - groupPageKeys().length;
  return [...Array.from({ length: summaries }, (_, i) => (i === 0 ? 'summary' : `summary-${i + 1}`)), ...groupPageKeys()];
}

/** Group pages: at most 4 cards each (shared/display/pages.ts), so a group of 5 is two pages. */
function groupPageKeys(): string[] {
  return board.groups.flatMap((group) => {
    const count = indicatorsOf(group.id).length;
    const parts = Math.ceil(count / 4);
    return Array.from({ length: parts }, (_, i) => (i === 0 ? `group-${group.id}` : `group-${group.id}-${i + 1}`));
  });
}

function viNumber(value: number, decimals: number): string {
  return new Intl.NumberFormat('vi-VN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

const indicatorsOf = (groupId: number) => board.indicators.filter((i) => i.groupId === groupId);

async function expectCardShows(page: Page, indicator: BoardIndicator): Promise<void> {
  const card = page.locator(`[data-indicator="${indicator.code}"]`).first();
  await card.waitFor({ state: 'visible', timeout: 10_000 });
  if (indicator.current !== null) expect(await card.innerText()).toContain(viNumber(indicator.current, indicator.decimals));
}

/** Waits until the page on screen is drawn: its main part, its cards, its fonts. */
async function drawn(page: Page, key: string): Promise<void> {
  await page.locator(`main[data-page="${key}"]`).waitFor();
  await page.locator('[data-indicator]').first().waitFor();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

describe('the display URL', () => {
  it('opens with no login and shows every indicator of each group page, with its vi-VN value in [data-value]', async () => {
    const page = await newPage();
    for (const key of groupPageKeys()) {
      await page.goto(linkWith({ page: key }));
      await drawn(page, key);
      const codes = await page.locator('[data-indicator]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-indicator')!));
      expect(codes.length).toBeGreaterThan(0);
      expect(codes.length).toBeLessThanOrEqual(4);
      for (const code of codes) {
        const indicator = board.indicators.find((i) => i.code === code)!;
        await expectCardShows(page, indicator);
        if (indicator.current !== null && indicator.measure !== 'ratio') {
          expect(await page.locator(`[data-indicator="${code}"] [data-value]`).innerText()).toContain(viNumber(indicator.current, indicator.decimals));
        }
      }
    }
    // Every indicator is on some group page.
    const seen = new Set<string>();
    for (const key of groupPageKeys()) {
      await page.goto(linkWith({ page: key }));
      await drawn(page, key);
      for (const code of await page.locator('[data-indicator]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-indicator')!))) seen.add(code);
    }
    expect([...seen].sort()).toEqual(board.indicators.map((i) => i.code).sort());
  });

  it('shows the summary in as many pages as it needs, each with the count of each status', async () => {
    const page = await open({ page: 'summary' });
    await drawn(page, 'summary');
    const keys = (await pageKeys(page)).filter((key) => key.startsWith('summary'));
    expect(keys.length).toBeGreaterThan(1);
    const listed = new Set<string>();
    for (const key of keys) {
      await page.goto(linkWith({ page: key }));
      await drawn(page, key);
      const text = await page.locator('main').innerText();
      for (const word of ['Đã đạt', 'Đúng tiến độ', 'Có nguy cơ', 'Chậm tiến độ', 'Chưa có số liệu']) expect(text).toContain(word);
      for (const code of await page.locator('[data-indicator]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-indicator')!))) listed.add(code);
    }
    expect([...listed].sort()).toEqual(board.indicators.map((i) => i.code).sort());
  });

  it('says so when the link has been revoked', async () => {
    const created = await api(server, 'POST', '/api/displays', { body: { name: 'Sẽ thu hồi' }, cookie: admin });
    await api(server, 'DELETE', `/api/displays/${created.body.id}`, { cookie: admin });
    expectedProblems = /WebSocket|socket\.io|401|Failed to load resource/i;
    const page = await newPage();
    await page.goto(created.body.url);
    await page.getByText(/không hợp lệ|thu hồi/i).first().waitFor({ timeout: 10_000 });
  });

  it('turns its pages every `&rotate=` seconds', async () => {
    const page = await open({ rotate: '5' });
    await drawn(page, 'summary');
    const shown = Date.now();
    await page.locator('main[data-page="summary-2"]').waitFor({ timeout: 10_000 });
    const after = Date.now() - shown;
    // The default is 20 s: the link's 5 s is what turned it.
    expect(after).toBeLessThan(8000);
    expect(await page.locator('.countdown-text').first().innerText()).toMatch(/[1-5] giây/);
  });

  it('gives a card the date of its reading, in the same words as the board', async () => {
    const indicator = board.indicators.find((i) => i.lastReadingDate !== null)!;
    const page = await open({ page: `group-${indicator.groupId}` });
    await drawn(page, `group-${indicator.groupId}`);
    const [y, m, d] = indicator.lastReadingDate!.split('-');
    expect(await page.locator(`[data-indicator="${indicator.code}"]`).innerText()).toContain(`Số liệu ngày ${d}/${m}/${y}`);
  });
});

describe('live', () => {
  it('shows a reading posted through the API within a second', async () => {
    const indicator = board.indicators.find((i) => i.code === 'KTGS-01')!;
    const page = await open({ page: `group-${indicator.groupId}` });
    await expectCardShows(page, indicator);
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
  });

  it('shows a banner while the server is away, and clears it with the readings made meanwhile when it is back', async () => {
    const indicator = board.indicators.find((i) => i.code === 'XDD-01')!;
    const page = await open({ page: `group-${indicator.groupId}` });
    await expectCardShows(page, indicator);
    const banner = page.getByText(/Mất kết nối/);
    expect(await banner.count()).toBe(0);
    // The reconnect attempts are logged by the browser while the server is down.
    expectedProblems = /WebSocket|socket\.io|ERR_CONNECTION_REFUSED|Failed to load resource/i;

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
  });
});

describe('pairing by code', () => {
  it('shows a code on /display without a token; paired by an admin, the screen shows the board within 2 s and keeps it after a reload', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/display`);
    const codeElement = page.locator('[data-pairing-code]');
    await codeElement.waitFor();
    const code = (await codeElement.innerText()).trim();
    expect(code).toMatch(new RegExp(`^[${PAIRING_ALPHABET}]{6}$`));
    // Large enough to read across the room: well over the least text size.
    expect(await codeElement.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(96);

    const paired = await api(server, 'POST', '/api/displays/pair', { body: { code: code.toLowerCase(), name: 'Hội trường' }, cookie: admin });
    expect(paired.status).toBe(201);
    expect(paired.body).toMatchObject({ name: 'Hội trường' });
    const at = Date.now();
    await page.locator('[data-indicator]').first().waitFor({ timeout: 2000 });
    expect(Date.now() - at).toBeLessThan(2000);

    // Used once.
    expect((await api(server, 'POST', '/api/displays/pair', { body: { code, name: 'Lần hai' }, cookie: admin })).status).toBe(404);

    await page.reload();
    await page.locator('[data-indicator]').first().waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-pairing-code]').count()).toBe(0);
    // The screen is one of the office's screens, online under its name.
    const listed = (await api(server, 'GET', '/api/displays', { cookie: admin })).body.displays;
    expect(listed.find((d: { name: string }) => d.name === 'Hội trường')).toMatchObject({ online: true });
  });

  it('is paired by the code it showed last, typed in the seconds after the screen renewed it', async () => {
    const page = await newPage();
    await page.clock.install();
    await page.goto(`${server.url}/display`);
    const codeElement = page.locator('[data-pairing-code]');
    await codeElement.waitFor();
    const first = (await codeElement.innerText()).trim();
    // The screen's clock 9 min 50 s on: it renews the code 15 s before it expires. For the server,
    // which gave it seconds ago, the first code is still good.
    await page.clock.fastForward('09:50');
    await expect.poll(async () => (await codeElement.innerText()).trim(), { timeout: 10_000 }).not.toBe(first);

    const paired = await api(server, 'POST', '/api/displays/pair', { body: { code: first, name: 'Phòng họp nhỏ' }, cookie: admin });
    expect(paired.status).toBe(201);
    await page.locator('[data-indicator]').first().waitFor({ timeout: 5000 });
  });

  it('is paired from /admin/screens on a phone', async () => {
    // The wrong code typed first is logged by the browser as a failed request.
    expectedProblems = /404|Failed to load resource/i;
    const screen = await newPage();
    await screen.goto(`${server.url}/display`);
    const code = (await screen.locator('[data-pairing-code]').innerText()).trim();

    const phone = await newPage([390, 844]);
    await phone.context().addCookies([{ name: admin.split('=')[0]!, value: admin.slice(admin.indexOf('=') + 1), url: server.url }]);
    await phone.goto(`${server.url}/admin/screens`);
    await phone.getByLabel('Mã ghép nối').fill('ZZZZZ2');
    await phone.getByLabel('Đặt tên cho màn hình được ghép nối').fill('Phòng khách');
    await phone.getByRole('button', { name: 'Ghép nối', exact: true }).click();
    await phone.getByText(/Mã không đúng/).waitFor();
    await phone.getByLabel('Mã ghép nối').fill(code);
    await phone.getByRole('button', { name: 'Ghép nối', exact: true }).click();
    await phone.getByText(/Đã ghép nối màn hình “Phòng khách”/).waitFor();
    await screen.locator('[data-indicator]').first().waitFor({ timeout: 2000 });
    // With the new screen's row in its list, the page still scrolls only downwards on the phone
    // (the list itself scrolls sideways inside its frame).
    await phone.locator('.screen-row').first().waitFor();
    const size = await overflow(phone);
    expect({ where: '/admin/screens at 390 px', scrollWidth: size.scrollWidth }).toEqual({ where: '/admin/screens at 390 px', scrollWidth: size.innerWidth });
  });

  it('answers 404 to an unknown code and 429 after ten wrong codes in a minute', async () => {
    for (let i = 0; i < 10; i++) {
      const wrong = await api(server, 'POST', '/api/displays/pair', { body: { code: 'ZZZZZ2', name: 'x' }, cookie: admin });
      expect(wrong.status).toBe(404);
    }
    const limited = await api(server, 'POST', '/api/displays/pair', { body: { code: 'ZZZZZ3', name: 'x' }, cookie: admin });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    // No admin, no pairing.
    expect((await api(server, 'POST', '/api/displays/pair', { body: { code: 'ZZZZZ2', name: 'x' } })).status).toBe(401);
  });
});

describe('offline', () => {
  it('reloaded while the server is unreachable, shows its last board from the cache marked stale, and recovers by itself', async () => {
    const indicator = board.indicators.find((i) => i.code === 'XDD-01')!;
    const page = await open({ page: `group-${indicator.groupId}` });
    await expectCardShows(page, indicator);
    // The service worker has the app, and the screen has saved its board.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    });
    await page.waitForFunction(() => Object.keys(localStorage).some((key) => key.startsWith('termboard.board.')));
    expect(await page.locator('html').getAttribute('data-stale')).toBe('false');

    expectedProblems = /WebSocket|socket\.io|ERR_CONNECTION_REFUSED|Failed to load resource|ERR_FAILED/i;
    await server.stop();
    const reloaded = Date.now();
    await page.reload();
    await expectCardShows(page, indicator);
    await page.locator('html[data-stale="true"]').waitFor({ timeout: 10_000 });
    expect(Date.now() - reloaded).toBeLessThan(10_000);
    const banner = page.locator('[data-stale-banner]');
    await banner.waitFor();
    // The time of the data, as the board gave it.
    expect(await banner.innerText()).toMatch(/\d{2}:\d{2}.*\d{2}\/\d{2}\/\d{4}|\d{2}\/\d{2}\/\d{4}.*\d{2}:\d{2}/);

    await server.restart();
    const back = Date.now();
    await page.locator('html[data-stale="false"]').waitFor({ timeout: 10_000 });
    expect(Date.now() - back).toBeLessThan(10_000);
    expect(await page.locator('[data-stale-banner]').count()).toBe(0);
  });
});

describe('readable across the room', () => {
  it('has themes that differ in colours only (what lets LOOKS pair each language with one theme)', () => {
    const client = join(import.meta.dirname, '..', '..', 'client');
    const css = ['styles.css', 'styles/display.css', ...readdirSync(join(client, 'styles', 'display')).map((f) => `styles/display/${f}`)]
      .map((file) => readFileSync(join(client, file), 'utf8'))
      .join('\n');
    const rules = [...css.matchAll(/\.display-(?:light|dark)\b[^{]*\{([^}]*)\}/g)].map((m) => m[1]!);
    expect(rules.length).toBeGreaterThan(0);
    const properties = rules.flatMap((body) => [...body.matchAll(/([\w-]+)\s*:/g)].map((m) => m[1]!));
    // Colour variables and the colour scheme: nothing that sizes or moves a glyph.
    const other = properties.filter((name) => !/^--(bg|surface|border|text|track|marker|accent|flash|banner|day|achieved|on-track|at-risk|off-track|no-data|overdue)/.test(name) && name !== 'color-scheme');
    expect(other).toEqual([]);
  });

  it.each(RESOLUTIONS)('at %i×%i: no text under the least size and every value at least 48 px (scaled), on every page, both themes, both languages', async (width, height) => {
    const scale = height / 1080;
    const rule: TextRule = { minText: 24 * scale - 0.05, minValue: 48 * scale - 0.05 };
    const page = await newPage([width, height]);
    await page.goto(linkWith({ page: 'summary' }));
    await drawn(page, 'summary');
    const keys = await pageKeys(page);
    for (const { theme, lang } of LOOKS) {
      for (const key of keys) {
        await page.goto(linkWith({ page: key, theme, lang }));
        await drawn(page, key);
        const found = await smallText(page, rule);
        expect({ width, theme, lang, key, found }).toEqual({ width, theme, lang, key, found: [] });
        const size = await overflow(page);
        expect({ key, fits: size.scrollWidth <= size.innerWidth && size.scrollHeight <= size.innerHeight }).toEqual({ key, fits: true });
      }
    }
  }, 300_000);

  it('clips no glyph: every heading, name and value looks the same with clipping turned off, on the screens and the export, both themes and languages', async () => {
    const page = await newPage();
    await page.goto(linkWith({ page: 'summary' }));
    await drawn(page, 'summary');
    const keys = await pageKeys(page);
    const asOf = new Date().toISOString();
    for (const { theme, lang } of LOOKS) {
      for (const key of keys) {
        await page.goto(linkWith({ page: key, theme, lang }));
        await drawn(page, key);
        expect({ theme, lang, key, clipped: await clippedText(page) }).toEqual({ theme, lang, key, clipped: [] });
      }
    }
    for (const key of ['cover', ...keys]) {
      await page.goto(linkWith({ export: '1', page: key, asOf }));
      await page.locator('html[data-export="ready"]').waitFor({ timeout: 15_000 });
      expect({ export: key, clipped: await clippedText(page) }).toEqual({ export: key, clipped: [] });
    }
  }, 300_000);

  it('clips no glyph on the signed-in board', async () => {
    const page = await newPage();
    await page.context().addCookies([{ name: admin.split('=')[0]!, value: admin.slice(admin.indexOf('=') + 1), url: server.url }]);
    await page.goto(`${server.url}/`);
    await page.locator('[data-indicator]').first().waitFor();
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    expect(await clippedText(page)).toEqual([]);
  });
});

describe('in the pocket', () => {
  it.each(PHONES)('at %i×%i the display link and the board scroll only downwards, wrap names whole, and have no text under 14 px', async (width, height) => {
    const rule: TextRule = { minText: 14 - 0.05, minValue: 14 - 0.05 };
    const page = await newPage([width, height]);
    await page.goto(displayUrl);
    await page.locator('main[data-page="all"] [data-indicator]').first().waitFor();
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    // A phone lists every indicator: no rotating to wait for.
    for (const indicator of board.indicators) await expectCardShows(page, indicator);
    await expectPhoneRules(page, rule, 'display');

    await page.context().addCookies([{ name: admin.split('=')[0]!, value: admin.slice(admin.indexOf('=') + 1), url: server.url }]);
    await page.goto(`${server.url}/`);
    await page.locator('[data-indicator]').first().waitFor();
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await expectPhoneRules(page, rule, 'board');
  });

  it('offers a web app manifest with icons', async () => {
    const page = await open();
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = await (await fetch(new URL(href!, server.url))).json();
    expect(manifest).toMatchObject({ display: 'standalone', start_url: '/' });
    const sizes = manifest.icons.map((icon: { sizes: string }) => icon.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons) expect((await fetch(new URL(icon.src, server.url))).status).toBe(200);
  });
});

async function expectPhoneRules(page: Page, rule: TextRule, where: string): Promise<void> {
  const size = await overflow(page);
  expect({ where, scrollWidth: size.scrollWidth }).toEqual({ where, scrollWidth: size.innerWidth });
  expect({ where, small: await smallText(page, rule) }).toEqual({ where, small: [] });
  // Names wrap: each is shown whole (nothing hidden to its right or below).
  const cut = await page.evaluate(() =>
    [...document.querySelectorAll('[data-indicator] :is(h3, .prow-name, .card-name, .dcard-name)')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1 || getComputedStyle(el).textOverflow === 'ellipsis')
      .map((el) => el.textContent),
  );
  expect({ where, cut }).toEqual({ where, cut: [] });
}

describe('layout and accessibility', () => {
  it.each(['dark', 'light'])('has no serious accessibility violations in the %s theme', async (theme) => {
    const page = await newPage();
    for (const key of ['summary', ...groupPageKeys()]) {
      await page.goto(linkWith({ page: key, ...(theme === 'light' ? { theme } : {}) }));
      await drawn(page, key);
      const violations = await axeViolations(page);
      expect({ key, violations: violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`) }).toEqual({
        key,
        violations: [],
      });
    }
  });

  it('speaks English with ?lang=en', async () => {
    const page = await open({ page: 'summary', lang: 'en' });
    await drawn(page, 'summary');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('main').innerText()).toMatch(/Achieved/i);
  });
});

describe("the office's defaults", () => {
  it('show a screen whose link names no theme or language as the settings say', async () => {
    const changed = await api(server, 'PATCH', '/api/settings', { body: { defaultTheme: 'light', defaultLang: 'en' }, cookie: admin });
    expect(changed.status).toBe(200);
    const page = await open({ page: 'summary' });
    await page.locator('.display-light main').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('main').innerText()).toMatch(/Achieved/i);
    // The link's own choice wins.
    const fixed = await open({ page: 'summary', theme: 'dark', lang: 'vi' });
    await fixed.locator('.display-dark main').waitFor();
    expect(await fixed.locator('main').innerText()).toContain('Đã đạt');
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
    const page = await open({ page: 'summary' });
    const logo = page.locator('img.display-logo');
    await logo.waitFor();
    expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(120);
    const size = await overflow(page);
    expect(size.scrollWidth).toBeLessThanOrEqual(size.innerWidth);
    expect(size.scrollHeight).toBeLessThanOrEqual(size.innerHeight);
  });
});
