/**
 * Screenshots of the screens for docs/screenshots (and for looking at a change): a test server on
 * a temp database with the demo term, the built client, headless Chromium.
 *
 *   npm run build && npx tsx scripts/screenshots.ts [outDir] [size ...]
 *
 * Sizes are `WIDTHxHEIGHT` (default: 1920x1080 1366x768 3840x2160 390x844 844x390).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser } from '../tests/helpers/browser';
import { api, startTestServer, TestClock } from '../tests/helpers/start-test-server';

const outDir = process.argv[2] ?? join(import.meta.dirname, '..', 'docs', 'screenshots');
const sizes = (process.argv.length > 3 ? process.argv.slice(3) : ['1920x1080', '1366x768', '3840x2160', '390x844', '844x390']).map((size) => {
  const [width, height] = size.split('x').map(Number);
  return { name: size, width: width!, height: height! };
});

const server = await startTestServer({ clock: new TestClock('real'), clientDir: join(import.meta.dirname, '..', 'dist', 'client') });
const browser = await launchBrowser();
try {
  await mkdir(outDir, { recursive: true });
  const admin = await server.login();
  const display = (await api(server, 'POST', '/api/displays', { body: { name: 'Ảnh chụp' }, cookie: admin })).body as { url: string };
  const board = (await api(server, 'GET', '/api/board', { cookie: admin })).body as { groups: Array<{ id: number }> };
  const keys = ['summary', 'summary-2', ...board.groups.map((group) => `group-${group.id}`)];
  for (const size of sizes) {
    const context = await browser.newContext({ viewport: size, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', reducedMotion: 'reduce' });
    const page = await context.newPage();
    const phone = size.width < 700 || size.height < 500;
    for (const key of phone ? ['summary'] : keys) {
      const url = new URL(display.url);
      url.searchParams.set('page', key);
      await page.goto(url.toString());
      await page.locator('main').first().waitFor();
      await page.evaluate(() => document.fonts.ready);
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(outDir, `display-${key}-${size.name}.png`), fullPage: phone });
    }
    await context.addCookies([{ name: admin.split('=')[0]!, value: admin.split('=').slice(1).join('='), url: server.url }]);
    await page.goto(`${server.url}/`);
    await page.locator('[data-indicator]').first().waitFor();
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: join(outDir, `board-${size.name}.png`), fullPage: phone });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
