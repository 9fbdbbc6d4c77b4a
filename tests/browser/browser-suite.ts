import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchBrowser, signInFromPath } from '../helpers/browser';
import { ADMIN, startTestServer, TestClock, type TestServer } from '../helpers/start-test-server';

/** The built client, as `npm start` serves it (tests/browser/global-setup.ts builds it). */
export const CLIENT_DIR = join(import.meta.dirname, '..', '..', 'dist', 'client');

export interface BrowserSuite {
  /** The file's browser: it holds no state between contexts. */
  readonly browser: Browser;
  /** The running test's server, on a database of its own. */
  readonly server: TestServer;
  /** Opens `path` signed out, signs in there as the first admin and is brought back to `path`. */
  signIn(page: Page, path: string): Promise<void>;
}

/**
 * Installs the hooks most browser test files share: one browser for the file, and for each test
 * a server of its own (the built client, the real clock: the browser's and the server's "today"
 * must agree), so that a test that fails leaves the next one untouched. Hooks a file adds after
 * this call run after these before each test, and before them after it.
 */
export function browserSuite(): BrowserSuite {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());
  beforeEach(async () => {
    server = await startTestServer({ clock: new TestClock('real'), clientDir: CLIENT_DIR });
  });
  afterEach(() => server?.close());
  return {
    get browser() {
      return browser;
    },
    get server() {
      return server;
    },
    signIn: (page, path) => signInFromPath(page, server.url, path, ADMIN.username, ADMIN.password),
  };
}
