/**
 * The meeting-room screen's costs: what the display route downloads (JavaScript, gzipped, with
 * the largest modules), and how long the first complete render of a board takes in Chromium,
 * for the demo board (the baseline of the same run) and the large generated board (300
 * indicators). `npm run build && npm run bench:display`; figures go to docs/performance.md.
 */
import { join } from 'node:path';
import { launchBrowser } from '../tests/helpers/browser';
import { api, startTestServer, TestClock, type TestServer } from '../tests/helpers/start-test-server';
import { measureDisplayBundle } from './display-bundle';
import { seedLargeBoard } from './large-board';

const CLIENT_DIR = join(import.meta.dirname, '..', 'dist', 'client');
const RUNS = 5;

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

const bundle = await measureDisplayBundle();
console.log(`display route JavaScript: ${kB(bundle.routeGzip)} gzipped (goal ≤ 200 kB; in English ${kB(bundle.routeGzipEnglish)}); the whole app's: ${kB(bundle.appGzip)}`);
for (const chunk of bundle.chunks) console.log(`  ${chunk.fileName.padEnd(40)} ${kB(chunk.gzip).padStart(9)}`);
console.log('largest modules on the route (bytes before minifying):');
for (const module of bundle.largestModules) console.log(`  ${module.name.padEnd(40)} ${String(module.bytes).padStart(9)}`);

/** Milliseconds from navigation to the page drawn whole: its cards or rows, their charts, the fonts. */
async function firstRender(server: TestServer, page: string): Promise<number[]> {
  const admin = await server.login();
  const url = new URL((await api(server, 'POST', '/api/displays', { body: { name: 'bench' }, cookie: admin })).body.url);
  url.searchParams.set('page', page);
  const browser = await launchBrowser();
  const samples: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      // A fresh context each time: nothing cached, no service worker yet, as a screen's first boot.
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, serviceWorkers: 'block' });
      const tab = await context.newPage();
      await tab.goto(url.toString());
      samples.push(
        await tab.evaluate(async (key) => {
          for (;;) {
            const main = document.querySelector(`main[data-page="${key}"]`);
            const items = main?.querySelectorAll('[data-indicator]').length ?? 0;
            const charts = main?.querySelectorAll('.recharts-surface').length ?? 0;
            if (items > 0 && (key.startsWith('summary') || charts >= items)) break;
            await new Promise((resolve) => requestAnimationFrame(resolve));
          }
          await document.fonts.ready;
          return performance.now();
        }, page),
      );
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return samples.sort((a, b) => a - b);
}

const median = (samples: number[]) => samples[Math.floor(samples.length / 2)]!;
const line = (label: string, samples: number[]) =>
  console.log(`  ${label.padEnd(48)} median ${median(samples).toFixed(0).padStart(5)} ms   (${samples.map((s) => s.toFixed(0)).join(', ')})`);

console.log(`first complete render at 1920×1080 (navigation → drawn, ${RUNS} fresh browser contexts each):`);
{
  const demo = await startTestServer({ clock: new TestClock('real'), clientDir: CLIENT_DIR });
  try {
    const board = (await api(demo, 'GET', '/api/board', { cookie: await demo.login() })).body as { groups: Array<{ id: number }> };
    line('baseline: demo board (15 indicators), summary', await firstRender(demo, 'summary'));
    line('baseline: demo board, first group page', await firstRender(demo, `group-${board.groups[0]!.id}`));
  } finally {
    await demo.close();
  }
}
{
  const large = await startTestServer({ seed: false, clock: new TestClock(Date.parse('2029-12-31T10:00:00+07:00')), clientDir: CLIENT_DIR });
  try {
    await seedLargeBoard(large.db);
    const board = (await api(large, 'GET', '/api/board', { cookie: await large.login() })).body as { groups: Array<{ id: number }> };
    line('large board (300 indicators), summary', await firstRender(large, 'summary'));
    line('large board, first group page', await firstRender(large, `group-${board.groups[0]!.id}`));
  } finally {
    await large.close();
  }
}
