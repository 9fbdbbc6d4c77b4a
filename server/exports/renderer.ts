import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { BrowserPool } from './browser-pool';

/** How long one view may take to draw before the export fails. */
export const PAGE_TIMEOUT_MS = 30_000;

export interface RenderRequest {
  /** The server's own address, e.g. http://127.0.0.1:3000. */
  baseUrl: string;
  /** A read-only token for the export's pages. */
  token: string;
  asOf: number;
  /** The screen's page keys, in order (summary, group-…). */
  pages: string[];
  outDir: string;
  pdfName: string;
}

export interface RenderedFile {
  name: string;
  type: 'image/png' | 'application/pdf';
}

/** The printed report's view (client/pages/ExportPage.tsx): every other view is a screen page's key. */
const PRINT_VIEW = 'print';

/** Waits for the export page to say that `view` is drawn; fails with its reason otherwise. */
async function drawn(page: Page, view: string): Promise<void> {
  const handle = await page.waitForFunction(
    (wanted) => {
      const data = document.documentElement.dataset;
      return data.export === 'error' || (data.export === 'ready' && data.exportView === wanted) ? data.export : null;
    },
    view,
    { timeout: PAGE_TIMEOUT_MS },
  );
  if ((await handle.jsonValue()) !== 'ready') {
    const reason = await page.evaluate(() => document.documentElement.dataset.exportError ?? 'unknown');
    throw new Error(`${view} did not render: ${reason}`);
  }
}

/** Shows another view of the loaded export page by its hash: no reload, the boards stay fetched. */
async function show(page: Page, view: string): Promise<void> {
  await page.evaluate((next) => {
    delete document.documentElement.dataset.export;
    window.location.hash = next;
  }, view);
  await drawn(page, view);
}

/**
 * Renders the printed report to one A4 PDF and every page of the screen to a 1920×1080 PNG (the
 * TVs' own React screen, still, without its live parts), from one page load: the export page
 * fetches the boards once, each view is a hash change, and the PDF is printed in one pass.
 */
export async function renderExport(pool: BrowserPool, request: RenderRequest): Promise<RenderedFile[]> {
  mkdirSync(request.outDir, { recursive: true });
  return pool.withPage(async (page) => {
    const url = new URL('/display', request.baseUrl);
    url.searchParams.set('export', '1');
    url.searchParams.set('asOf', new Date(request.asOf).toISOString());
    url.searchParams.set('token', request.token);
    url.hash = PRINT_VIEW;
    await page.goto(url.toString(), { timeout: PAGE_TIMEOUT_MS });
    await drawn(page, PRINT_VIEW);
    // The sheets are A4 in the report's stylesheet (@page): the PDF takes its size from there.
    writeFileSync(join(request.outDir, request.pdfName), await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const files: RenderedFile[] = [];
    for (const [index, key] of request.pages.entries()) {
      await show(page, key);
      const name = `${String(index + 1).padStart(2, '0')}-${key}.png`;
      writeFileSync(join(request.outDir, name), await page.screenshot({ type: 'png' }));
      files.push({ name, type: 'image/png' });
    }
    files.push({ name: request.pdfName, type: 'application/pdf' });
    return files;
  });
}
