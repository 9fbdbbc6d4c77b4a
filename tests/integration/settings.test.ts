import { randomBytes } from 'node:crypto';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Board } from '../../shared/api/board';
import { settingsSchema } from '../../shared/api/settings';
import { api, startTestServer, type TestServer } from '../helpers/start-test-server';
import { boardSocket, connectForSnapshot, eventually } from '../helpers/socket-client';

let server: TestServer;
let admin: string;
// Each test gets its own server and database: a failure leaves the next test untouched.
beforeEach(async () => {
  server = await startTestServer();
  admin = await server.login();
});
afterEach(() => server.close());

async function upload(content: Buffer, name = 'logo.png') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)]), name);
  const response = await fetch(`${server.url}/api/settings/logo`, { method: 'PUT', body: form, headers: { cookie: admin } });
  return { status: response.status, body: await response.json() };
}

/** A PNG; `noise` fills it with random pixels, which do not compress. */
function png(width: number, height: number, noise = false): Buffer {
  const image = new PNG({ width, height });
  if (noise) randomBytes(image.data.length).copy(image.data);
  else for (let i = 0; i < image.data.length; i++) image.data[i] = (i * 37) % 256;
  return PNG.sync.write(image);
}

describe('settings', () => {
  it('start from the demo office and the environment’s export schedule', async () => {
    const settings = settingsSchema.parse((await api(server, 'GET', '/api/settings', { cookie: admin })).body);
    expect(settings).toEqual({
      officeName: 'Đảng bộ Văn phòng UBND tỉnh Tiền Giang',
      logoUrl: null,
      defaultLang: 'vi',
      defaultTheme: 'dark',
      exportCron: '0 7 * * 1',
      exportTimeZone: 'Asia/Ho_Chi_Minh',
      exportRetentionWeeks: 104,
      reportRecipients: [],
      alertRecipients: [],
      mail: { configured: false, reason: 'smtp_url_missing', from: null },
    });
  });

  it('change the office name and the screens’ defaults, shown on every screen at once and audited', async () => {
    const socket = boardSocket(server.url, { token: await server.createToken('display') });
    const snapshots: Board[] = [];
    socket.on('board:snapshot', (b) => snapshots.push(b));
    await connectForSnapshot(socket);
    try {
      const changed = await api(server, 'PATCH', '/api/settings', { body: { officeName: 'Đảng bộ Văn phòng UBND tỉnh Đồng Tháp', defaultTheme: 'light' }, cookie: admin });
      expect(changed.status).toBe(200);
      await eventually('the new name on screen', () => snapshots.at(-1)?.office === 'Đảng bộ Văn phòng UBND tỉnh Đồng Tháp');
      expect(snapshots.at(-1)!.defaults).toEqual({ lang: 'vi', theme: 'light' });
      const entry = (await api(server, 'GET', '/api/audit?action=settings.updated', { cookie: admin })).body.entries[0];
      expect(entry.before.officeName).toBe('Đảng bộ Văn phòng UBND tỉnh Tiền Giang');
      expect(entry.after.officeName).toBe('Đảng bộ Văn phòng UBND tỉnh Đồng Tháp');
    } finally {
      socket.disconnect();
    }
  });

  it('change the export schedule, refusing a bad cron or time zone', async () => {
    for (const body of [{ exportCron: 'every monday' }, { exportTimeZone: 'Mars/Base' }, { exportRetentionWeeks: 0 }, { officeName: '' }, {}]) {
      expect((await api(server, 'PATCH', '/api/settings', { body, cookie: admin })).status).toBe(400);
    }
    const changed = await api(server, 'PATCH', '/api/settings', { body: { exportCron: '30 6 * * 1', exportRetentionWeeks: 52 }, cookie: admin });
    expect(changed.body).toMatchObject({ exportCron: '30 6 * * 1', exportRetentionWeeks: 52, exportTimeZone: 'Asia/Ho_Chi_Minh' });
  });

  it('take a logo: a real image, at most 300 KB, public for the screens', async () => {
    const image = png(64, 32);
    const set = await upload(image);
    expect(set.status).toBe(200);
    expect(set.body.logoUrl).toMatch(/^\/api\/settings\/logo\?v=/);
    const served = await fetch(`${server.url}${set.body.logoUrl}`);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(image)).toBe(true);
    expect((await api(server, 'GET', '/api/board', { cookie: admin })).body.logoUrl).toBe(set.body.logoUrl);

    expect((await upload(Buffer.from('<svg onload="alert(1)"/>'), 'logo.png')).status).toBe(415);
    expect((await upload(png(400, 400, true))).status).toBe(413);
    const removed = await api(server, 'DELETE', '/api/settings/logo', { cookie: admin });
    expect(removed.body.logoUrl).toBeNull();
    expect((await fetch(`${server.url}/api/settings/logo`)).status).toBe(404);
  });

  it('are changed by admins only', async () => {
    await server.createUser({ username: 'bt.cai.dat', password: 'Bien-Tap-2026', role: 'editor', unitIds: [1] });
    const editor = await server.login('bt.cai.dat', 'Bien-Tap-2026');
    expect((await api(server, 'PATCH', '/api/settings', { body: { officeName: 'x' }, cookie: editor })).status).toBe(403);
    expect((await api(server, 'DELETE', '/api/settings/logo', { cookie: editor })).status).toBe(403);
    expect((await api(server, 'GET', '/api/settings', { cookie: editor })).status).toBe(200);
  });
});
