import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_MS } from '../../client/hooks/useHighlights';
import { PAIRING_ALPHABET } from '../../shared/api/displays';
import { dateInZone } from '../../shared/time/dates';
import { overflow } from '../helpers/browser';
import { api } from '../helpers/start-test-server';
import { smallText, type TextRule } from './display-checks';
import { displaySuite, viNumber } from './display-suite';

/* The meeting-room screen: its link, live, paired, offline, on a phone. How legible it is across the room: display-legibility.test.ts. */

const s = displaySuite();
const { newPage, open, linkWith, pageKeys, groupPageKeys, drawn, expectCardShows } = s;

const PHONES = [
  [390, 844],
  [844, 390],
] as const;

describe('the display URL', () => {
  it('opens with no login and shows every indicator of each group page, with its vi-VN value in [data-value]', async () => {
    const page = await newPage();
    const seen = new Set<string>();
    for (const key of groupPageKeys()) {
      await page.goto(linkWith({ page: key }));
      await drawn(page, key);
      const codes = await page.locator('[data-indicator]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-indicator')!));
      for (const code of codes) seen.add(code);
      expect(codes.length).toBeGreaterThan(0);
      expect(codes.length).toBeLessThanOrEqual(4);
      for (const code of codes) {
        const indicator = s.board.indicators.find((i) => i.code === code)!;
        await expectCardShows(page, indicator);
        if (indicator.current !== null && indicator.measure !== 'ratio') {
          expect(await page.locator(`[data-indicator="${code}"] [data-value]`).innerText()).toContain(viNumber(indicator.current, indicator.decimals));
        }
      }
    }
    // Every indicator is on some group page.
    expect([...seen].sort()).toEqual(s.board.indicators.map((i) => i.code).sort());
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
    expect([...listed].sort()).toEqual(s.board.indicators.map((i) => i.code).sort());
  });

  it('says so when the link has been revoked', async () => {
    const created = await api(s.server, 'POST', '/api/displays', { body: { name: 'Sẽ thu hồi' }, cookie: s.admin });
    await api(s.server, 'DELETE', `/api/displays/${created.body.id}`, { cookie: s.admin });
    s.expectProblems(/WebSocket|socket\.io|401|Failed to load resource/i);
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
    const indicator = s.board.indicators.find((i) => i.lastReadingDate !== null)!;
    const page = await open({ page: `group-${indicator.groupId}` });
    await drawn(page, `group-${indicator.groupId}`);
    const [y, m, d] = indicator.lastReadingDate!.split('-');
    expect(await page.locator(`[data-indicator="${indicator.code}"]`).innerText()).toContain(`Số liệu ngày ${d}/${m}/${y}`);
  });
});

describe('live', () => {
  it('shows a reading posted through the API within a second', async () => {
    const indicator = s.board.indicators.find((i) => i.code === 'KTGS-01')!;
    const page = await open({ page: `group-${indicator.groupId}` });
    await expectCardShows(page, indicator);
    const expected = viNumber(indicator.current! + 7, 0);
    const posted = Date.now();
    const answer = await api(s.server, 'POST', `/api/indicators/${indicator.id}/readings`, {
      body: { date: dateInZone(Date.now(), 'Asia/Ho_Chi_Minh'), value: 7 },
      cookie: s.admin,
    });
    expect(answer.status).toBe(201);
    await page.waitForFunction(
      ({ code, text }) => document.querySelector(`[data-indicator="${code}"]`)?.textContent?.includes(text),
      { code: indicator.code, text: expected },
      { timeout: 1000, polling: 'raf' },
    );
    expect(Date.now() - posted).toBeLessThan(1000);
    // Marked as just changed: its card flashes, no other does, and the mark goes after HIGHLIGHT_MS.
    const flashing = () => page.$$eval('[data-indicator]', (cards) => cards.filter((card) => card.querySelector('.flash')).map((card) => card.getAttribute('data-indicator')));
    expect(await flashing()).toEqual([indicator.code]);
    await page.waitForFunction(() => !document.querySelector('.flash'), undefined, { timeout: HIGHLIGHT_MS + 2000 });
    expect(Date.now() - posted).toBeGreaterThanOrEqual(HIGHLIGHT_MS);
    expect(await flashing()).toEqual([]);
  });

  it('shows a banner while the s.server is away, and clears it with the readings made meanwhile when it is back', async () => {
    const indicator = s.board.indicators.find((i) => i.code === 'XDD-01')!;
    const page = await open({ page: `group-${indicator.groupId}` });
    await expectCardShows(page, indicator);
    const banner = page.getByText(/Mất kết nối/);
    expect(await banner.count()).toBe(0);
    // The reconnect attempts are logged by the browser while the s.server is down.
    s.expectProblems(/WebSocket|socket\.io|ERR_CONNECTION_REFUSED|Failed to load resource/i);

    await s.server.stop();
    await banner.first().waitFor({ state: 'visible', timeout: 10_000 });

    await s.server.restart(async (app) => {
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
    await page.goto(`${s.server.url}/display`);
    const codeElement = page.locator('[data-pairing-code]');
    await codeElement.waitFor();
    const code = (await codeElement.innerText()).trim();
    expect(code).toMatch(new RegExp(`^[${PAIRING_ALPHABET}]{6}$`));
    // Large enough to read across the room: well over the least text size.
    expect(await codeElement.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(96);

    const paired = await api(s.server, 'POST', '/api/displays/pair', { body: { code: code.toLowerCase(), name: 'Hội trường' }, cookie: s.admin });
    expect(paired.status).toBe(201);
    expect(paired.body).toMatchObject({ name: 'Hội trường' });
    const at = Date.now();
    await page.locator('[data-indicator]').first().waitFor({ timeout: 2000 });
    expect(Date.now() - at).toBeLessThan(2000);

    // Used once.
    expect((await api(s.server, 'POST', '/api/displays/pair', { body: { code, name: 'Lần hai' }, cookie: s.admin })).status).toBe(404);

    await page.reload();
    await page.locator('[data-indicator]').first().waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-pairing-code]').count()).toBe(0);
    // The screen is one of the office's screens, online under its name.
    const listed = (await api(s.server, 'GET', '/api/displays', { cookie: s.admin })).body.displays;
    expect(listed.find((d: { name: string }) => d.name === 'Hội trường')).toMatchObject({ online: true });
  });

  it('is paired by the code it showed last, typed in the seconds after the screen renewed it', async () => {
    const page = await newPage();
    await page.clock.install();
    await page.goto(`${s.server.url}/display`);
    const codeElement = page.locator('[data-pairing-code]');
    await codeElement.waitFor();
    const first = (await codeElement.innerText()).trim();
    // The screen's clock 9 min 50 s on: it renews the code 15 s before it expires. For the s.server,
    // which gave it seconds ago, the first code is still good.
    await page.clock.fastForward('09:50');
    await expect.poll(async () => (await codeElement.innerText()).trim(), { timeout: 10_000 }).not.toBe(first);

    const paired = await api(s.server, 'POST', '/api/displays/pair', { body: { code: first, name: 'Phòng họp nhỏ' }, cookie: s.admin });
    expect(paired.status).toBe(201);
    await page.locator('[data-indicator]').first().waitFor({ timeout: 5000 });
  });

  it('is paired from /admin/screens on a phone', async () => {
    // The wrong code typed first is logged by the browser as a failed request.
    s.expectProblems(/404|Failed to load resource/i);
    const screen = await newPage();
    await screen.goto(`${s.server.url}/display`);
    const code = (await screen.locator('[data-pairing-code]').innerText()).trim();

    const phone = await newPage([390, 844]);
    await s.signIn(phone);
    await phone.goto(`${s.server.url}/admin/screens`);
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
      const wrong = await api(s.server, 'POST', '/api/displays/pair', { body: { code: 'ZZZZZ2', name: 'x' }, cookie: s.admin });
      expect(wrong.status).toBe(404);
    }
    const limited = await api(s.server, 'POST', '/api/displays/pair', { body: { code: 'ZZZZZ3', name: 'x' }, cookie: s.admin });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    // No admin, no pairing.
    expect((await api(s.server, 'POST', '/api/displays/pair', { body: { code: 'ZZZZZ2', name: 'x' } })).status).toBe(401);
  });
});

describe('offline', () => {
  it('reloaded while the s.server is unreachable, shows its last board from the cache marked stale, and recovers by itself', async () => {
    const indicator = s.board.indicators.find((i) => i.code === 'XDD-01')!;
    const page = await open({ page: `group-${indicator.groupId}` });
    await expectCardShows(page, indicator);
    // The service worker has the app, and the screen has saved its board.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    });
    await page.waitForFunction(() => Object.keys(localStorage).some((key) => key.startsWith('termboard.board.')));
    expect(await page.locator('html').getAttribute('data-stale')).toBe('false');

    s.expectProblems(/WebSocket|socket\.io|ERR_CONNECTION_REFUSED|Failed to load resource|ERR_FAILED/i);
    await s.server.stop();
    const reloaded = Date.now();
    await page.reload();
    await expectCardShows(page, indicator);
    await page.locator('html[data-stale="true"]').waitFor({ timeout: 10_000 });
    expect(Date.now() - reloaded).toBeLessThan(10_000);
    const banner = page.locator('[data-stale-banner]');
    await banner.waitFor();
    // The time of the data, as the board gave it.
    expect(await banner.innerText()).toMatch(/\d{2}:\d{2}.*\d{2}\/\d{2}\/\d{4}|\d{2}\/\d{2}\/\d{4}.*\d{2}:\d{2}/);

    await s.server.restart();
    const back = Date.now();
    await page.locator('html[data-stale="false"]').waitFor({ timeout: 10_000 });
    expect(Date.now() - back).toBeLessThan(10_000);
    expect(await page.locator('[data-stale-banner]').count()).toBe(0);
  });
});

describe('in the pocket', () => {
  it.each(PHONES)('at %i×%i the display link and the board scroll only downwards, wrap names whole, and have no text under 14 px', async (width, height) => {
    const rule: TextRule = { minText: 14 - 0.05, minValue: 14 - 0.05 };
    const page = await newPage([width, height]);
    await page.goto(s.displayUrl);
    await page.locator('main[data-page="all"] [data-indicator]').first().waitFor();
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    // A phone lists every indicator: no rotating to wait for.
    for (const indicator of s.board.indicators) await expectCardShows(page, indicator);
    await expectPhoneRules(page, rule, 'display');

    await s.signIn(page);
    await page.goto(`${s.server.url}/`);
    await page.locator('[data-indicator]').first().waitFor();
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await expectPhoneRules(page, rule, 'board');
  });

  it('offers a web app manifest with icons', async () => {
    const page = await open();
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = await (await fetch(new URL(href!, s.server.url))).json();
    expect(manifest).toMatchObject({ display: 'standalone', start_url: '/' });
    const sizes = manifest.icons.map((icon: { sizes: string }) => icon.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons) expect((await fetch(new URL(icon.src, s.server.url))).status).toBe(200);
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

describe('in English', () => {
  it('speaks English with ?lang=en', async () => {
    const page = await open({ page: 'summary', lang: 'en' });
    await drawn(page, 'summary');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('main').innerText()).toMatch(/Achieved/i);
  });
});

describe("the office's defaults", () => {
  it('show a screen whose link names no theme or language as the settings say', async () => {
    const changed = await api(s.server, 'PATCH', '/api/settings', { body: { defaultTheme: 'light', defaultLang: 'en' }, cookie: s.admin });
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
    const set = await fetch(`${s.server.url}/api/settings/logo`, { method: 'PUT', body: form, headers: { cookie: s.admin } });
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
