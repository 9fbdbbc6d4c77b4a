import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { BrowserPool } from './browser-pool';

/** How long one page may take to draw before the export fails. */
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

/** Opens one export page and waits for it to say it is drawn; fails with its reason otherwise. */
async function openPage(page: Page, request: RenderRequest, key: string): Promise<void> {
  const url = new URL('/display', request.baseUrl);
  url.searchParams.set('export', '1');
  url.searchParams.set('page', key);
  url.searchParams.set('asOf', new Date(request.asOf).toISOString());
  url.searchParams.set('token', request.token);
  await page.goto(url.toString(), { timeout: PAGE_TIMEOUT_MS });
  const handle = await page.waitForFunction(() => document.documentElement.dataset.export, null, { timeout: PAGE_TIMEOUT_MS });
  const state = await handle.jsonValue();
  if (state !== 'ready') {
    const reason = await page.evaluate(() => document.documentElement.dataset.exportError ?? 'unknown');
    throw new Error(`page ${key} did not render: ${reason}`);
  }
}

/**
 * Renders every page of the screen to a 1920×1080 PNG, and a PDF of a cover and every page, with
 * the same React screen the TVs show in its export mode.
 */
export async function renderExport(pool: BrowserPool, request: RenderRequest): Promise<RenderedFile[]> {
  mkdirSync(request.outDir, { recursive: true });
  return pool.withPage(async (page) => {
    await page.emulateMedia({ media: 'screen', reducedMotion: 'reduce' });
    const files: RenderedFile[] = [];
    // Loaded on the first export, not at start (half a second).
    const { PDFDocument } = await import('pdf-lib');
    const pdf = await PDFDocument.create();
    for (const [index, key] of ['cover', ...request.pages].entries()) {
      await openPage(page, request, key);
      if (key !== 'cover') {
        const name = `${String(index).padStart(2, '0')}-${key}.png`;
        writeFileSync(join(request.outDir, name), await page.screenshot({ type: 'png', fullPage: false }));
        files.push({ name, type: 'image/png' });
      }
      const single = await PDFDocument.load(await page.pdf({ width: '1920px', height: '1080px', printBackground: true, pageRanges: '1' }));
      const [copied] = await pdf.copyPages(single, [0]);
      pdf.addPage(copied!);
    }
    writeFileSync(join(request.outDir, request.pdfName), await pdf.save());
    files.push({ name: request.pdfName, type: 'application/pdf' });
    return files;
  });
}
