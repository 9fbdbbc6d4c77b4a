/**
 * The weekly export of the demo board, cold (Chromium not yet running) and warm (reused), with
 * the peak resident memory of the server and of Chromium's processes during it. Baselines of the
 * same run: bare Chromium (launch, open a blank page, screenshot it, close), and the same views
 * drawn the way the renderer used to, one page load per view (every PNG, then the report),
 * in a warm browser of its own.
 * `npm run bench:export` (alone) or `npm run bench` (after the board's figures).
 */
import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createApp, type App } from '../server/app';
import { displayPages } from '../shared/display/pages';
import type { Principal } from '../server/auth/principal';
import { findChromium } from '../server/browser/chromium';
import { BrowserPool } from '../server/exports/browser-pool';
import { seedDemo } from '../server/seed/seed';
import { signIn } from '../tests/helpers/start-test-server';
import { benchDatabase } from './database';
import { displayToken } from './display-token';
import { sampleMemory } from './memory';

const ROOT = join(import.meta.dirname, '..');
const MB = 1024 * 1024;

export async function benchExport(): Promise<string[]> {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-if-needed.mjs')], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  const lines: string[] = [];

  const { executablePath, args, source } = await findChromium();
  const bareStarted = performance.now();
  const bare = await chromium.launch({ executablePath, args });
  const page = await bare.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.screenshot();
  await bare.close();
  lines.push(`baseline: bare Chromium (${source}) launch + blank 1920×1080 screenshot: ${(performance.now() - bareStarted).toFixed(0)} ms`);

  const temp = await benchDatabase();
  const clock = { now: () => Date.now() };
  await seedDemo(temp.db, clock.now(), 'Asia/Ho_Chi_Minh');
  const app = await createApp({ db: temp.db, clock, timeZone: 'Asia/Ho_Chi_Minh', logLevel: 'silent', dataDir: temp.dir, clientDir: join(ROOT, 'dist', 'client') });
  await app.auth.ensureFirstAdmin('admin', 'Bench-Password-1');
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.http.server.address() as AddressInfo).port}`;
  lines.push(await onePageLoadPerView(app, url));
  const principal: Principal = { kind: 'user', userId: 1, username: 'admin', displayName: 'admin', role: 'admin', unitIds: [] };

  // Memory is sampled from /proc in this process, which is also the server: reading Chromium's
  // smaps every 50 ms holds the event loop the export needs. So the timed runs are not sampled,
  // and one more run is, for the memory alone.
  const runOnce = async (label: string, sampled: boolean) => {
    const memory = sampled ? sampleMemory() : undefined;
    const started = performance.now();
    const { id } = await app.exports.request(principal, undefined);
    await app.exports.idle();
    const elapsed = performance.now() - started;
    const peaks = memory?.stop();
    const result = await app.exports.get(id);
    if (result.status !== 'done') throw new Error(`export ${label} ${result.status}: ${result.error}`);
    lines.push(
      `${label}: ${(elapsed / 1000).toFixed(2)} s for ${result.files.length} files` +
        (peaks
          ? `; peak RSS server ${(peaks.serverPeak / MB).toFixed(0)} MB, Chromium ${(peaks.childrenPeak / MB).toFixed(0)} MB ` +
            `(PSS ${(peaks.childrenPssPeak / MB).toFixed(0)} MB, ${peaks.processesPeak} processes), together ${(peaks.totalPeak / MB).toFixed(0)} MB`
          : ''),
    );
  };
  await runOnce('export of the demo board, cold (Chromium launched)', false);
  for (let i = 1; i <= 3; i++) await runOnce(`export of the demo board, warm #${i}`, false);
  await runOnce('export of the demo board, warm, memory sampled every 50 ms', true);
  await app.close();
  await temp.remove();
  return lines;
}

/**
 * The baseline: the export's views (each screen page, then the printed report) with a page load
 * each, in a warm browser (launched and one view drawn before timing), as before one load served
 * them all. Same board, same pictures and PDF.
 */
async function onePageLoadPerView(app: App, url: string): Promise<string> {
  const token = await displayToken(url, await signIn(url, 'admin', 'Bench-Password-1'));
  const board = await app.boards.board(Date.now());
  const views = [...displayPages(board, '').map((page) => page.key), 'print'];
  // The export's own browser settings (flags, viewport, locale, time zone), in a pool of its own.
  const pool = new BrowserPool({ maxPages: 1, timeZone: 'Asia/Ho_Chi_Minh' });
  try {
    return await pool.withPage(async (page) => {
      const asOf = new Date().toISOString();
      let loads = 0;
      const draw = async (view: string) => {
        // A query of its own: a change of hash alone would not load the page again.
        await page.goto(`${url}/display?export=1&asOf=${encodeURIComponent(asOf)}&token=${token}&load=${(loads += 1)}#${view}`);
        await page.waitForFunction((wanted) => document.documentElement.dataset.export === 'ready' && document.documentElement.dataset.exportView === wanted, view);
        return view === 'print' ? page.pdf({ preferCSSPageSize: true, printBackground: true }) : page.screenshot({ type: 'png' });
      };
      await draw(views[0]!);
      const started = performance.now();
      for (const view of views) await draw(view);
      return `baseline: the same ${views.length} views with a page load each (warm Chromium, the export's settings): ${((performance.now() - started) / 1000).toFixed(2)} s`;
    });
  } finally {
    await pool.close();
  }
}
