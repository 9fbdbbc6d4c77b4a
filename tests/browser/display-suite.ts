import type { Page } from 'playwright-core';
import { afterEach, beforeEach, expect } from 'vitest';
import type { Board, BoardIndicator } from '../../shared/api/board';
import { watchedPage, type WatchedPage } from '../helpers/browser';
import { api, type TestServer } from '../helpers/start-test-server';
import { browserSuite } from './browser-suite';

/*
 * The meeting-room screen's browser tests (display*.test.ts) share this set-up. Each test has its
 * own server (its own database), with an admin signed in, a display link and the board it shows,
 * and its own browser contexts: a test that fails or times out (a restart that does not come
 * back) cannot topple the next one. The browser process is shared: it holds no state between
 * contexts. Every test fails on a console error or warning of its pages, unless `expectProblems`
 * said it would happen.
 */

export interface DisplaySuite {
  readonly server: TestServer;
  /** The admin's session cookie (`name=value`). */
  readonly admin: string;
  readonly displayUrl: string;
  readonly board: Board;
  /** Console lines this test expects (a server it stopped on purpose): matched lines are not problems. */
  expectProblems(lines: RegExp): void;
  newPage(size?: readonly [number, number]): Promise<Page>;
  /** The display link with `query` set. */
  linkWith(query: Record<string, string>): string;
  open(query?: Record<string, string>, size?: readonly [number, number]): Promise<Page>;
  /** The page keys of the board, as the footer of a screen counts them: the summary's parts, then the groups'. */
  pageKeys(page: Page): Promise<string[]>;
  /** Group pages: at most 4 cards each (shared/display/pages.ts), so a group of 5 is two pages. */
  groupPageKeys(): string[];
  indicatorsOf(groupId: number): BoardIndicator[];
  /** Waits until the page on screen is drawn: its main part, its cards, its fonts. */
  drawn(page: Page, key: string): Promise<void>;
  expectCardShows(page: Page, indicator: BoardIndicator): Promise<void>;
  /** Signs the page's context in as the admin. */
  signIn(page: Page): Promise<void>;
}

export function viNumber(value: number, decimals: number): string {
  return new Intl.NumberFormat('vi-VN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/** Installs the hooks of a display test file; the answer's fields are those of the running test. */
export function displaySuite(): DisplaySuite {
  const base = browserSuite();
  let admin: string;
  let displayUrl: string;
  let board: Board;
  const pages: WatchedPage[] = [];
  let expectedProblems: RegExp | null = null;

  // After the suite's own: the test's server is running.
  beforeEach(async () => {
    admin = await base.server.login();
    displayUrl = (await api(base.server, 'POST', '/api/displays', { body: { name: 'Phòng họp kiểm thử' }, cookie: admin })).body.url;
    board = (await api(base.server, 'GET', '/api/board', { cookie: admin })).body;
    expectedProblems = null;
  });
  // Before the suite's own: the pages are closed before their server.
  afterEach(async () => {
    const problems = pages.flatMap((p) => p.problems).filter((line) => !expectedProblems?.test(line));
    await Promise.all(pages.splice(0).map((p) => p.context.close()));
    expect(problems).toEqual([]);
  });

  const suite: DisplaySuite = {
    get server() {
      return base.server;
    },
    get admin() {
      return admin;
    },
    get displayUrl() {
      return displayUrl;
    },
    get board() {
      return board;
    },
    expectProblems(lines) {
      expectedProblems = lines;
    },
    async newPage(size = [1920, 1080]) {
      const watched = await watchedPage(base.browser, { width: size[0], height: size[1] });
      pages.push(watched);
      return watched.page;
    },
    linkWith(query) {
      const url = new URL(displayUrl);
      for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
      return url.toString();
    },
    async open(query = {}, size = [1920, 1080]) {
      const page = await suite.newPage(size);
      await page.goto(suite.linkWith(query));
      return page;
    },
    async pageKeys(page) {
      await page.locator('.page-list').waitFor();
      const groups = suite.groupPageKeys();
      const summaries = (await page.locator('.page-list li').count()) - groups.length;
      return [...Array.from({ length: summaries }, (_, i) => (i === 0 ? 'summary' : `summary-${i + 1}`)), ...groups];
    },
    groupPageKeys() {
      return board.groups.flatMap((group) => {
        const parts = Math.ceil(suite.indicatorsOf(group.id).length / 4);
        return Array.from({ length: parts }, (_, i) => (i === 0 ? `group-${group.id}` : `group-${group.id}-${i + 1}`));
      });
    },
    indicatorsOf(groupId) {
      return board.indicators.filter((i) => i.groupId === groupId);
    },
    async drawn(page, key) {
      await page.locator(`main[data-page="${key}"]`).waitFor();
      await page.locator('[data-indicator]').first().waitFor();
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
    },
    async expectCardShows(page, indicator) {
      const card = page.locator(`[data-indicator="${indicator.code}"]`).first();
      await card.waitFor({ state: 'visible', timeout: 10_000 });
      if (indicator.current !== null) expect(await card.innerText()).toContain(viNumber(indicator.current, indicator.decimals));
    },
    async signIn(page) {
      await page.context().addCookies([{ name: admin.split('=')[0]!, value: admin.slice(admin.indexOf('=') + 1), url: base.server.url }]);
    },
  };
  return suite;
}
