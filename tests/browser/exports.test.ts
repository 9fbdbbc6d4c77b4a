import { sql } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { descendants } from '../../bench/memory';
import { vi as viStrings } from '../../client/i18n/vi';
import { weeklyReportText } from '../../client/report/weeklyText';
import type { Board, BoardIndicator } from '../../shared/api/board';
import { exportSchema, type Export } from '../../shared/api/exports';
import { displayPages } from '../../shared/display/pages';
import { groupSheets } from '../../shared/report/sheets';
import { weekBefore } from '../../shared/report/weekly';
import { dateInZone } from '../../shared/time/dates';
import { launchBrowser, watchedPage } from '../helpers/browser';
import { A4_POINTS, luminance, pageSizes, pdfPages, pdfText, pixelDifference } from '../helpers/pdf';
import { api, startTestServer, TestClock, type TestServer } from '../helpers/start-test-server';
import { eventually } from '../helpers/socket-client';
import { sqlRows } from '../helpers/sql';
import { CLIENT_DIR } from './browser-suite';

/** Each test starts its own server, whose export launches its own Chromium: room for a loaded machine. */
const RENDERS = { timeout: 150_000 };

let server: TestServer;
let admin: string;

// Each test gets its own server and database: a failure leaves the next test untouched.
beforeEach(async () => {
  server = await startTestServer({ clock: new TestClock('real'), clientDir: CLIENT_DIR });
  admin = await server.login();
});
afterEach(() => server?.close());

async function finished(id: number, cookie = admin) {
  let last: { status: string } = { status: 'queued' };
  await eventually(`export ${id} to finish`, async () => {
    last = (await api(server, 'GET', `/api/exports/${id}`, { cookie })).body;
    return last.status === 'done' || last.status === 'failed';
  }, 90_000);
  return exportSchema.parse(last);
}

async function download(url: string): Promise<Buffer> {
  const response = await fetch(`${server.url}${url}`, { headers: { cookie: admin } });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

/** Words only the live screen shows: its clock, connection state, countdown, pinned mark, last change, change numbers. */
function liveWords(board: Board): Array<string | RegExp> {
  return [
    viStrings.display.connection.live,
    viStrings.display.connection.offline,
    viStrings.display.connection.connecting,
    viStrings.display.pinned,
    /\d+ giây/,
    /Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật/i,
    /Cập nhật \d/,
    'Gồm các thay đổi',
    `số ${board.seq}`,
  ];
}

function expectNone(text: string, words: Array<string | RegExp>) {
  for (const word of words) {
    if (typeof word === 'string') expect(text).not.toContain(word);
    else expect(text).not.toMatch(word);
  }
}

const boardAt = async (asOf: string): Promise<Board> => (await api(server, 'GET', `/api/board?asOf=${encodeURIComponent(asOf)}`, { cookie: admin })).body;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** A reading that makes KTGS-02 (a count of inspections, target 15) reach its target today. */
async function inspectionsReachTheirTarget(): Promise<BoardIndicator> {
  const board = (await api(server, 'GET', '/api/board', { cookie: admin })).body as Board;
  const indicator = board.indicators.find((i) => i.code === 'KTGS-02')!;
  const posted = await api(server, 'POST', `/api/indicators/${indicator.id}/readings`, {
    body: { date: dateInZone(Date.now(), 'Asia/Ho_Chi_Minh'), value: 40 },
    cookie: admin,
  });
  expect(posted.status).toBe(201);
  return indicator;
}

describe('an export on demand', RENDERS, () => {
  it('prints an A4 report, light, whose cover says the week in sentences; PNG pages at 1920×1080 without the live screen\'s parts', async () => {
    await inspectionsReachTheirTarget();
    const queued = await api(server, 'POST', '/api/exports', { body: {}, cookie: admin });
    expect(queued.status).toBe(202);
    const done = await finished(queued.body.id);
    expect(done).toMatchObject({ status: 'done', kind: 'on_demand' });
    expect(done.week).toBe(`${dateInZone(Date.now(), 'Asia/Ho_Chi_Minh').slice(0, 4)}-W${done.week.slice(-2)}`);
    const board = await boardAt(done.asOf);
    const previous = weekBefore(await boardAt(new Date(Date.parse(done.asOf) - WEEK_MS).toISOString()));
    const inspections = board.indicators.find((i) => i.code === 'KTGS-02')!;
    const then = previous!.indicators.find((i) => i.code === 'KTGS-02')!;
    expect([then.status === 'achieved', inspections.status]).toEqual([false, 'achieved']);

    // The PDF: the cover and a sheet per group (or part of one), every page A4 and light.
    const pdf = await download(done.files.find((f) => f.type === 'application/pdf')!.url);
    const sizes = await pageSizes(pdf);
    expect(sizes).toHaveLength(1 + groupSheets(board, '').length);
    for (const { width, height } of sizes) {
      expect(Math.abs(Math.max(width, height) - A4_POINTS.long)).toBeLessThan(1);
      expect(Math.abs(Math.min(width, height) - A4_POINTS.short)).toBeLessThan(1);
    }
    for (const page of pdfPages(pdf)) {
      const { mean, spread } = luminance(page);
      expect(mean).toBeGreaterThan(200);
      expect(spread).toBeGreaterThan(10);
    }

    // Its text: the cover's sentences (the week's status change and largest mover among them, as
    // a leader reads them), and none of the live screen's words.
    const text = pdfText(pdf);
    expect(text.startsWith(`${board.office.toLocaleUpperCase('vi')} ${board.term.name} Báo cáo tuần`)).toBe(true);
    expect(text).toContain(`${inspections.name} (KTGS-02) chuyển từ “${viStrings.status[then.status]}” sang “Đã đạt”.`);
    expect(text).toContain(`${inspections.name} (KTGS-02) tăng ${inspections.current! - then.current!} cuộc trong tuần, nay đạt ${inspections.current} cuộc (mục tiêu 15 cuộc).`);
    const cover = weeklyReportText(board, previous, 'vi', 5);
    for (const section of [cover.changes, cover.movers, cover.overdue]) {
      expect(text).toContain(section.heading);
      for (const line of section.lines) expect(text).toContain(line);
    }
    for (const group of board.groups) expect(text).toContain(group.name);
    expectNone(text, liveWords(board));

    // The PNGs: a page each, the screen's own pages without their live parts.
    const pages = displayPages(board, '');
    const pngs = done.files.filter((f) => f.type === 'image/png');
    expect(pngs.map((f) => f.name)).toEqual(pages.map((page, i) => `${String(i + 1).padStart(2, '0')}-${page.key}.png`));
    const token = await server.createToken('display');
    const browser = await launchBrowser();
    try {
      const { page, problems } = await watchedPage(browser);
      for (const [index, file] of pngs.entries()) {
        const png = PNG.sync.read(await download(file.url));
        expect([png.width, png.height]).toEqual([1920, 1080]);
        expect(luminance(png).spread).toBeGreaterThan(15);
        // The view the exporter drew, seen again: the report's caption, no clock, no connection, no pinned mark; the same picture.
        const key = pages[index]!.key;
        await page.goto(`${server.url}/display?export=1&asOf=${encodeURIComponent(done.asOf)}&token=${token}#${key}`);
        await page.waitForFunction((wanted) => document.documentElement.dataset.export === 'ready' && document.documentElement.dataset.exportView === wanted, key);
        expect(await page.locator('[role="timer"], [data-connection]').count()).toBe(0);
        const screenText = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
        expect(screenText).toContain('Báo cáo tuần');
        expectNone(screenText, liveWords(board));
        expect(pixelDifference(PNG.sync.read(await page.screenshot()), png)).toBeLessThan(1);
      }
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }

    const list = (await api(server, 'GET', '/api/exports', { token })).body.exports;
    expect(list[0].id).toBe(done.id);
    expect((await fetch(`${server.url}${pngs[0]!.url}`)).status).toBe(401);
  });

  it('renders the board as it stood at asOf, and the same past week made again is the same report', async () => {
    const before = new Date().toISOString();
    // The reading must be created after `before`: wait for the clock to pass it.
    await eventually('a later millisecond', () => Date.now() > Date.parse(before) + 1);
    const indicator = await inspectionsReachTheirTarget();
    const first = await finished((await api(server, 'POST', '/api/exports', { body: { asOf: before }, cookie: admin })).body.id);
    const again = await finished((await api(server, 'POST', '/api/exports', { body: { asOf: before }, cookie: admin })).body.id);
    expect([first.status, again.status]).toEqual(['done', 'done']);
    expect([first.asOf, again.asOf]).toEqual([before, before]);
    // The as-of board keeps the old value, and so does the report: nothing of the later reading.
    expect((await boardAt(before)).indicators.find((i) => i.code === 'KTGS-02')!.current).toBe(indicator.current);
    const pdfOf = (exported: Export) => download(exported.files.find((f) => f.type === 'application/pdf')!.url);
    const text = pdfText(await pdfOf(first));
    expect(text).toContain('Báo cáo tuần');
    expect(text).not.toContain(`nay đạt ${indicator.current! + 40} cuộc`);
    expect(text).not.toContain('(KTGS-02) chuyển từ');
    expect(pdfText(await pdfOf(again))).toBe(text);
  });

  it('reports a failed render as failed, and the server carries on', async () => {
    // The renderer cannot reach the page: the render fails, and says why.
    const renderer = server.app.exports as unknown as { options: { baseUrl: () => string } };
    const real = renderer.options.baseUrl;
    renderer.options.baseUrl = () => 'http://127.0.0.1:9';
    try {
      const failed = await finished((await api(server, 'POST', '/api/exports', { body: {}, cookie: admin })).body.id);
      expect(failed.status).toBe('failed');
      expect(failed.error).toMatch(/ERR_CONNECTION_REFUSED|net::/);
    } finally {
      renderer.options.baseUrl = real;
    }
    expect((await api(server, 'GET', '/api/health')).status).toBe(200);
    expect((await finished((await api(server, 'POST', '/api/exports', { body: {}, cookie: admin })).body.id)).status).toBe('done');
  });

  it('is for admins and editors; others are refused', async () => {
    await server.createUser({ username: 'xem.bao.cao', password: 'Xem-bao-cao-1', role: 'viewer' });
    const viewer = await server.login('xem.bao.cao', 'Xem-bao-cao-1');
    expect((await api(server, 'POST', '/api/exports', { body: {}, cookie: viewer })).status).toBe(403);
    expect((await api(server, 'POST', '/api/exports', { body: {}, token: await server.createToken('display') })).status).toBe(403);
    expect((await api(server, 'POST', '/api/exports', { body: { asOf: '2099-01-01T00:00:00Z' }, cookie: admin })).status).toBe(400);
    expect((await api(server, 'GET', '/api/exports')).status).toBe(401);
  });
});

describe('an export cut short', RENDERS, () => {
  it('is given back by a stop (queued, lease released) and rendered by the next start', async () => {
    const own = await startTestServer({ clock: new TestClock('real'), clientDir: CLIENT_DIR });
    try {
      const cookie = await own.login();
      const id = (await api(own, 'POST', '/api/exports', { body: {}, cookie })).body.id;
      await eventually('the export to be rendering', async () => (await api(own, 'GET', `/api/exports/${id}`, { cookie })).body.status === 'running', 30_000);
      await own.restart();
      const [row] = await sqlRows<{ status: string; lease_owner: string | null }>(own.db, sql`select status, lease_owner from exports where id = ${id}`);
      expect(row).toEqual({ status: 'queued', lease_owner: null });
      await own.app.startSchedule();
      await own.app.exports.idle();
      expect((await api(own, 'GET', `/api/exports/${id}`, { cookie: await own.login() })).body).toMatchObject({ status: 'done' });
    } finally {
      await own.close();
    }
  });
});

describe('the export browser', RENDERS, () => {
  it('is launched again after a crash, and leaves no process behind when the server stops', async () => {
    // The shared server's browser is closed first, so that every Chromium process seen is this test's.
    await server.app.exports.stop();
    sharedChromium = 0;
    const own = await startTestServer({ clock: new TestClock('real'), clientDir: CLIENT_DIR });
    try {
      const cookie = await own.login();
      const first = (await api(own, 'POST', '/api/exports', { body: {}, cookie })).body.id;
      await own.app.exports.idle();
      expect((await api(own, 'GET', `/api/exports/${first}`, { cookie })).body.status).toBe('done');
      const browsers = descendants(process.pid).filter((pid) => commandOf(pid).includes('chrom'));
      expect(browsers.length).toBeGreaterThan(0);
      for (const pid of browsers) process.kill(pid, 'SIGKILL');
      const second = (await api(own, 'POST', '/api/exports', { body: {}, cookie })).body.id;
      await own.app.exports.idle();
      expect((await api(own, 'GET', `/api/exports/${second}`, { cookie })).body).toMatchObject({ status: 'done' });
    } finally {
      await own.close();
    }
    // The only Chromium left is this file's own server's, if any: none of the stopped one's.
    await eventually('no orphaned Chromium', () => descendants(process.pid).filter((pid) => commandOf(pid).includes('chrom')).length === chromiumOfSharedServer(), 10_000);
  });
});

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

/** Chromium processes of the server the other tests share (its browser stays up between exports). */
function chromiumOfSharedServer(): number {
  return sharedChromium;
}
let sharedChromium = 0;
