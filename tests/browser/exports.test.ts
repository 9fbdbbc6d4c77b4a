import { sql } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { descendants } from '../../bench/memory';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportSchema } from '../../shared/api/exports';
import { displayPages } from '../../shared/display/pages';
import { dateInZone } from '../../shared/time/dates';
import { api, startTestServer, TestClock, type TestServer } from '../helpers/start-test-server';
import { eventually } from '../helpers/socket-client';
import { sqlRows } from '../helpers/sql';

const CLIENT_DIR = join(import.meta.dirname, '..', '..', 'dist', 'client');

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

/** Standard deviation of the pixels' luminance: a blank or single-colour image is near 0. */
function luminanceSpread(png: PNG): number {
  let sum = 0;
  let sumSq = 0;
  const n = png.width * png.height;
  for (let i = 0; i < png.data.length; i += 4) {
    const y = 0.2126 * png.data[i]! + 0.7152 * png.data[i + 1]! + 0.0722 * png.data[i + 2]!;
    sum += y;
    sumSq += y * y;
  }
  const mean = sum / n;
  return Math.sqrt(sumSq / n - mean * mean);
}

describe('an export on demand', RENDERS, () => {
  it('renders a 1920×1080 PNG a page, not blank, and a PDF of the cover and every page', async () => {
    const queued = await api(server, 'POST', '/api/exports', { body: {}, cookie: admin });
    expect(queued.status).toBe(202);
    const done = await finished(queued.body.id);
    expect(done).toMatchObject({ status: 'done', kind: 'on_demand' });
    const board = (await api(server, 'GET', '/api/board', { cookie: admin })).body;
    // The summary and a group of more than 4 cards continue over several pages (shared/display/pages.ts).
    const pages = displayPages(board, '').length;
    const pngs = done.files.filter((f) => f.type === 'image/png');
    expect(pngs).toHaveLength(pages);
    for (const file of pngs) {
      const png = PNG.sync.read(await download(file.url));
      expect([png.width, png.height]).toEqual([1920, 1080]);
      expect(luminanceSpread(png)).toBeGreaterThan(15);
    }
    const pdf = await PDFDocument.load(await download(done.files.find((f) => f.type === 'application/pdf')!.url));
    expect(pdf.getPageCount()).toBe(pages + 1);
    expect(done.week).toBe(`${dateInZone(Date.now(), 'Asia/Ho_Chi_Minh').slice(0, 4)}-W${done.week.slice(-2)}`);

    const list = (await api(server, 'GET', '/api/exports', { token: await server.createToken('display') })).body.exports;
    expect(list[0].id).toBe(done.id);
    expect((await fetch(`${server.url}${pngs[0]!.url}`)).status).toBe(401);
  });

  it('renders the board as it stood at asOf: an older export shows the older values', async () => {
    const board = (await api(server, 'GET', '/api/board', { cookie: admin })).body;
    const indicator = board.indicators.find((i: { code: string }) => i.code === 'KTGS-02');
    const before = new Date().toISOString();
    // The reading must be created after `before`: wait for the clock to pass it.
    await eventually('a later millisecond', () => Date.now() > Date.parse(before) + 1);
    const posted = await api(server, 'POST', `/api/indicators/${indicator.id}/readings`, {
      body: { date: dateInZone(Date.now(), 'Asia/Ho_Chi_Minh'), value: 40 },
      cookie: admin,
    });
    expect(posted.status).toBe(201);
    const old = await finished((await api(server, 'POST', '/api/exports', { body: { asOf: before }, cookie: admin })).body.id);
    expect(old.status).toBe('done');
    expect(old.asOf).toBe(before);
    // The as-of board the export rendered keeps the old value, and so does its PNG's page.
    const then = (await api(server, 'GET', `/api/board?asOf=${encodeURIComponent(before)}`, { cookie: admin })).body;
    expect(then.indicators.find((i: { code: string }) => i.code === 'KTGS-02').current).toBe(indicator.current);
    const now = await finished((await api(server, 'POST', '/api/exports', { body: {}, cookie: admin })).body.id);
    const page = `group-${indicator.groupId}`;
    const oldPng = await download(old.files.find((f) => f.name.endsWith(`${page}.png`))!.url);
    const newPng = await download(now.files.find((f) => f.name.endsWith(`${page}.png`))!.url);
    expect(oldPng.equals(newPng)).toBe(false);
    // Two exports of 8 pages each.
  }, 120_000);

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
