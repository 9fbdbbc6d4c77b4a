import type { Browser, Page } from 'playwright-core';
import { findChromium } from '../browser/chromium';

/**
 * The export renders our own pages only: one renderer process for all of them (no per-site
 * isolation to pay for), which keeps the browser's memory well under a gigabyte.
 */
const EXPORT_FLAGS = ['--renderer-process-limit=1', '--no-zygote', '--in-process-gpu', '--disable-site-isolation-trials', '--disable-features=site-per-process,IsolateOrigins,AudioServiceOutOfProcess', '--enable-features=NetworkServiceInProcess2', '--disable-extensions'];

export interface BrowserPoolOptions {
  /** Pages open at once, across exports: each costs a renderer process's memory. */
  maxPages: number;
  timeZone: string;
}

/**
 * One headless Chromium for the whole server, launched on first use and again after a crash,
 * with a bound on pages open at once. Closing the pool closes the browser: no orphans.
 */
export class BrowserPool {
  private browser: Promise<Browser> | null = null;
  private open = 0;
  private readonly waiting: Array<() => void> = [];
  private closed = false;

  constructor(private readonly options: BrowserPoolOptions) {}

  /** Runs `work` with a fresh 1920×1080 page in its own context, closed afterwards. */
  async withPage<T>(work: (page: Page) => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      const context = await this.newContext().catch(async (error: unknown) => {
        // The browser died (a crash, a kill) before its disconnect was noticed: launch again, once.
        if (this.browser && (await this.browser.catch(() => null))?.isConnected()) throw error;
        this.browser = null;
        return this.newContext();
      });
      try {
        return await work(await context.newPage());
      } finally {
        await context.close().catch(() => {});
      }
    } finally {
      this.release();
    }
  }

  private async newContext() {
    const browser = await this.launched();
    return browser.newContext({
      viewport: { width: 1920, height: 1080 },
      deviceScaleFactor: 1,
      locale: 'vi-VN',
      timezoneId: this.options.timeZone,
      reducedMotion: 'reduce',
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.close().catch(() => {});
  }

  private launched(): Promise<Browser> {
    if (this.closed) return Promise.reject(new Error('the browser pool is closed'));
    if (!this.browser) {
      // Loaded on the first export, not at start: playwright-core alone takes a second to load.
      const launching = Promise.all([findChromium(), import('playwright-core')]).then(([{ executablePath, args }, { chromium }]) =>
        chromium.launch({ executablePath, args: [...args, ...EXPORT_FLAGS], timeout: 60_000 }),
      );
      this.browser = launching;
      launching.then(
        (browser) =>
          browser.on('disconnected', () => {
            // A crashed or killed browser: the next page launches a new one.
            if (this.browser === launching) this.browser = null;
          }),
        () => {
          if (this.browser === launching) this.browser = null;
        },
      );
    }
    return this.browser;
  }

  private acquire(): Promise<void> {
    if (this.open < this.options.maxPages) {
      this.open++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(() => resolve()));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.open--;
  }
}
