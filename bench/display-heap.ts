/**
 * A screen's memory over 10,000 live updates: real Chromium on display URLs of the demo board (one
 * pinned to the summary, one to the first group's page with its charts, one rotating through every
 * page every 5 s), while 10,000 readings are posted to that group's indicators, 10 a request, 4
 * requests at a time (one a request took ~40 minutes on the shared machine): each is a change the
 * screens take, singly or coalesced into `indicators:updated`. Every 1,000 readings each screen's JavaScript heap is measured after a full garbage
 * collection (DevTools protocol: `HeapProfiler.collectGarbage`, then `Runtime.getHeapUsage`), with
 * its DOM nodes and event listeners (`Memory.getDOMCounters`), once the screen's highlights of the
 * last changes are over. The baseline of the same run is each
 * screen's own heap after its first render, before any update. At the end each screen must show the
 * last reading (so it has taken every update), then is measured once more.
 *
 * `npm run build && npm run bench:display-heap` (BENCH_READINGS sets the count); figures go to
 * docs/performance.md.
 */
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { dateInZone } from '../shared/time/dates';
import { launchBrowser } from '../tests/helpers/browser';
import { api, startTestServer, TestClock } from '../tests/helpers/start-test-server';

const CLIENT_DIR = join(import.meta.dirname, '..', 'dist', 'client');
const READINGS = Number(process.env.BENCH_READINGS ?? 10_000);
const STEP = Math.max(1, Math.floor(READINGS / 10));
const POSTERS = 4;
const PER_REQUEST = 10;
/** The last reading's value, shown as `42,5` by a screen that has taken every update. */
const LAST_VALUE = 42.5;

interface Sample {
  /** The page shown (`main[data-page]`): a rotating screen's heap follows it. */
  page: string;
  heap: number;
  nodes: number;
  listeners: number;
}

interface Screen {
  label: string;
  page: Page;
  cdp: CDPSession;
  samples: Array<{ posted: number } & Sample>;
}

async function measure(page: Page, cdp: CDPSession): Promise<Sample> {
  // Once the last changes' highlights are over (their timers hold the changes for 2.5 s).
  await page.waitForFunction(() => document.querySelectorAll('.flash').length === 0, undefined, { polling: 100, timeout: 60_000 });
  const shown = (await page.locator('main[data-page]').first().getAttribute('data-page')) ?? '?';
  // Twice: objects freed by the first collection's finalisers go in the second.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const counters = await cdp.send('Memory.getDOMCounters');
  return { page: shown, heap: usedSize, nodes: counters.nodes, listeners: counters.jsEventListeners };
}

const MB = (bytes: number) => `${(bytes / 1_048_576).toFixed(2)} MB`;

const server = await startTestServer({ clock: new TestClock('real'), clientDir: CLIENT_DIR });
const browser = await launchBrowser();
try {
  const admin = await server.login();
  const board = (await api(server, 'GET', '/api/board', { cookie: admin })).body as {
    groups: Array<{ id: number }>;
    indicators: Array<{ code: string; groupId: number; measure: string; aggregation: string }>;
  };
  const group = board.groups[0]!;
  // Latest percentages: any value from 0 to 100 is a reading; the last one posted is what shows.
  const percents = board.indicators
    .filter((i) => i.groupId === group.id && i.measure === 'percent' && i.aggregation === 'latest')
    .map((i) => i.code);
  if (percents.length === 0) throw new Error('the first group has no latest-percentage indicator');
  const marked = percents[0]!;
  const today = dateInZone(Date.now(), 'Asia/Ho_Chi_Minh');
  const days = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

  const url = new URL((await api(server, 'POST', '/api/displays', { body: { name: 'bench heap' }, cookie: admin })).body.url);
  const screens: Screen[] = [];
  for (const [label, page] of [
    ['summary, pinned', 'summary'],
    [`group page with charts, pinned`, `group-${group.id}`],
    ['rotating every 5 s', null],
  ] as const) {
    const at = new URL(url);
    if (page) at.searchParams.set('page', page);
    else at.searchParams.set('rotate', '5');
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, serviceWorkers: 'block' });
    const tab = await context.newPage();
    await tab.goto(at.toString());
    await tab.locator(`[data-indicator="${marked}"] [data-value]`).first().waitFor({ state: page === 'summary' ? 'attached' : 'visible' });
    await tab.evaluate(() => document.fonts.ready);
    const cdp = await context.newCDPSession(tab);
    screens.push({ label, page: tab, cdp, samples: [{ posted: 0, ...(await measure(tab, cdp)) }] });
  }

  let posted = 0;
  const started = performance.now();
  /** Readings `from` to `to` (excluded); the last of all is the marked one, dated today. */
  const post = async (from: number, to: number) => {
    const readings = [];
    for (let n = from; n < to; n++) {
      // Spread over the last 30 days (older than today), so the trends change as well as values.
      if (n === READINGS - 1) readings.push({ code: marked, date: today, value: LAST_VALUE });
      else readings.push({ code: percents[n % percents.length]!, date: days(1 + (n % 30)), value: Math.round((n % 1000) / 10) / 10 + 50 });
    }
    const response = await api(server, 'POST', '/api/readings', { body: { readings }, cookie: admin });
    if (response.status !== 201) throw new Error(`readings answered ${response.status}: ${JSON.stringify(response.body)}`);
  };
  for (let step = STEP; posted < READINGS; step += STEP) {
    const until = Math.min(step, READINGS);
    await Promise.all(
      Array.from({ length: POSTERS }, async () => {
        while (posted < until) {
          const from = posted;
          posted = Math.min(until, posted + PER_REQUEST);
          await post(from, posted);
        }
      }),
    );
    if (posted === READINGS) {
      for (const screen of screens) {
        await screen.page.waitForFunction(
          ([code, text]) => [...document.querySelectorAll(`[data-indicator="${code}"] [data-value]`)].some((e) => e.textContent?.includes(text!)),
          [marked, LAST_VALUE.toLocaleString('vi-VN')] as const,
          { timeout: 120_000, polling: 200 },
        ).catch(() => {
          // A rotating screen may be on a page without the indicator: its state is checked in the store.
          if (!screen.label.startsWith('rotating')) throw new Error(`${screen.label}: the last reading never showed`);
        });
      }
    }
    for (const screen of screens) screen.samples.push({ posted, ...(await measure(screen.page, screen.cdp)) });
    console.log(`  ${posted.toLocaleString('en')} readings posted (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }

  console.log(`\nA screen's heap after a full GC, every ${STEP.toLocaleString('en')} of ${READINGS.toLocaleString('en')} live updates (Chromium, 1920×1080):`);
  for (const screen of screens) {
    const first = screen.samples[0]!;
    const last = screen.samples.at(-1)!;
    const peak = Math.max(...screen.samples.map((s) => s.heap));
    console.log(`\n${screen.label}`);
    console.log(`  heap:      ${screen.samples.map((s) => (s.heap / 1_048_576).toFixed(2)).join(' → ')} MB`);
    if (screen.label.startsWith('rotating')) console.log(`  page:      ${screen.samples.map((s) => s.page).join(' → ')}`);
    console.log(`  DOM nodes: ${screen.samples.map((s) => s.nodes).join(' → ')}`);
    console.log(`  listeners: ${screen.samples.map((s) => s.listeners).join(' → ')}`);
    console.log(
      `  baseline (first render) ${MB(first.heap)}; after ${READINGS.toLocaleString('en')} updates ${MB(last.heap)} ` +
        `(${((last.heap / first.heap) * 100).toFixed(1)} % of the baseline, ${last.heap >= first.heap ? '+' : ''}${MB(last.heap - first.heap)}); peak ${MB(peak)}`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}
