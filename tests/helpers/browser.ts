import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { findChromium } from '../../server/browser/chromium';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The product's own Chromium finder: the system browser, else the bundled one. */
export async function launchBrowser(): Promise<Browser> {
  const { executablePath, args } = await findChromium();
  return chromium.launch({ executablePath, args });
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and warnings (React warnings among them) and uncaught page errors. */
  problems: string[];
}

/** A page whose console errors, warnings and uncaught errors are collected, to fail the test. */
export async function watchedPage(
  browser: Browser,
  options: { width?: number; height?: number; reducedMotion?: 'reduce' | 'no-preference' } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1920, height: options.height ?? 1080 },
    reducedMotion: options.reducedMotion ?? 'reduce',
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return { page, context, problems };
}

/** A page's problems, less the 401 of a visit before signing in (the signed-in app's way to the login page). */
export function unexpectedProblems(problems: readonly string[]): string[] {
  return problems.filter((problem) => !problem.includes('status of 401'));
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Runs axe-core in the page (through the DevTools protocol, so a CSP does not stop it). */
export async function axeViolations(page: Page, impacts: string[] = ['serious', 'critical']): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: unknown[] }> } }).axe.run(document);
    return result.violations;
  })) as AxeViolation[];
  return violations.filter((v) => v.impact !== null && impacts.includes(v.impact));
}

/** Whether the document scrolls or overflows the viewport in either direction. */
export function overflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; scrollHeight: number; innerHeight: number }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    scrollHeight: document.documentElement.scrollHeight,
    innerHeight: window.innerHeight,
  }));
}

/** Fills the login page as a person would and waits to land on `path` (where `next` sends them). */
export async function submitLogin(page: Page, path: string, username: string, password: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => url.pathname === path);
}

/** Opens `path` signed out, is sent to the login page, signs in there and is brought back to `path`. */
export async function signInFromPath(page: Page, baseUrl: string, path: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.waitForURL(/\/login/);
  await submitLogin(page, path, username, password);
}
