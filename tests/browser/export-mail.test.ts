import { PDFDocument } from 'pdf-lib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vi as viStrings } from '../../client/i18n/vi';
import type { Board } from '../../shared/api/board';
import { exportSchema, type Export } from '../../shared/api/exports';
import { launchBrowser, submitLogin, watchedPage } from '../helpers/browser';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { ADMIN, api, startTestServer, TestClock, type TestServer } from '../helpers/start-test-server';
import { eventually } from '../helpers/socket-client';
import { CLIENT_DIR } from './browser-suite';

/*
 * The weekly report by email, end to end: recipients set on /admin/settings, a real export
 * rendered by Chromium, mailed through a real SMTP server on loopback (smtp-server, parsed with
 * mailparser), shown on /reports with "Gửi lại".
 */
const LEADER = 'lanh-dao@example.gov.vn';
const OFFICE = 'van-phong@example.gov.vn';
const REFUSED = 'tu-choi@example.gov.vn';

let smtp: TestSmtpServer;
let server: TestServer;
let unmailed: TestServer;
let browser: Browser;
let admin: string;

beforeAll(async () => {
  smtp = await startSmtpServer();
  smtp.refused.add(REFUSED);
  server = await startTestServer({ clock: new TestClock('real'), clientDir: CLIENT_DIR, mail: { smtpUrl: smtp.url, from: 'Văn phòng <bao-cao@example.gov.vn>' } });
  unmailed = await startTestServer({ clock: new TestClock('real'), clientDir: CLIENT_DIR });
  admin = await server.login();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await unmailed?.close();
  await smtp?.close();
});

async function finished(on: TestServer, id: number, cookie: string): Promise<Export> {
  let last: { status: string } = { status: 'queued' };
  await eventually(`export ${id} to finish`, async () => {
    last = (await api(on, 'GET', `/api/exports/${id}`, { cookie })).body;
    return last.status === 'done' || last.status === 'failed';
  }, 90_000);
  return exportSchema.parse(last);
}

async function signInAt(path: string, username = ADMIN.username, password = ADMIN.password, on = server) {
  const watched = await watchedPage(browser);
  await watched.page.goto(`${on.url}/login?next=${encodeURIComponent(path)}`);
  await submitLogin(watched.page, path, username, password);
  return watched;
}

describe('the weekly report by email', () => {
  it('mails a finished export to each recipient once, with the PDF and the week in Vietnamese; records and retries a refused one', async () => {
    // Recipients entered on /admin/settings, one a line.
    const { page, context, problems } = await signInAt('/admin/settings');
    await expect(page.locator('[data-mail-status="configured"]').textContent()).resolves.toContain('bao-cao@example.gov.vn');
    await page.getByLabel('Người nhận báo cáo tuần').fill(`${LEADER}\n${OFFICE}\n${REFUSED}`);
    await page.getByRole('button', { name: 'Lưu người nhận' }).click();
    await page.getByText('Đã lưu danh sách người nhận email.').waitFor();
    expect(problems).toEqual([]);
    await context.close();
    expect((await api(server, 'GET', '/api/settings', { cookie: admin })).body.reportRecipients).toEqual([LEADER, OFFICE, REFUSED]);

    const id = (await api(server, 'POST', '/api/exports', { body: {}, cookie: admin })).body.id as number;
    const done = await finished(server, id, admin);
    expect(done.status).toBe('done');
    await server.app.mail.idle();
    await eventually('both messages received', () => smtp.received.length >= 2);

    const pdfFile = done.files.find((file) => file.type === 'application/pdf')!;
    const exportedPdf = Buffer.from(await (await fetch(`${server.url}${pdfFile.url}`, { headers: { cookie: admin } })).arrayBuffer());
    const board: Board = (await api(server, 'GET', `/api/board?asOf=${encodeURIComponent(done.asOf)}`, { cookie: admin })).body;
    const [year, week] = done.week.split('-W');
    for (const to of [LEADER, OFFICE]) {
      const received = smtp.to(to);
      expect(received).toHaveLength(1);
      const { parsed } = received[0]!;
      expect(parsed.subject).toBe(`Báo cáo tuần ${Number(week)}/${year} — ${board.term.name}`);
      expect(parsed.from?.text).toContain('bao-cao@example.gov.vn');
      expect(parsed.attachments).toHaveLength(1);
      expect(parsed.attachments[0]).toMatchObject({ contentType: 'application/pdf', filename: pdfFile.name });
      expect(parsed.attachments[0]!.content.equals(exportedPdf)).toBe(true);
      expect((await PDFDocument.load(parsed.attachments[0]!.content)).getPageCount()).toBeGreaterThan(1);
      // The summary, in both parts: each status's count on the board the export shows.
      for (const body of [parsed.text ?? '', typeof parsed.html === 'string' ? parsed.html : '']) {
        expect(body).toContain('Tình hình các chỉ tiêu');
        expect(body).toContain(board.office);
        for (const status of ['achieved', 'on_track', 'at_risk', 'off_track', 'no_data'] as const) {
          const count = board.indicators.filter((indicator) => indicator.status === status).length;
          if (count > 0) expect(body).toContain(`${viStrings.status[status]}: ${count} chỉ tiêu`);
        }
        expect(body).toMatch(/Đổi trạng thái trong tuần/);
        expect(body).not.toMatch(/\bseq\b/);
        expect(body).not.toContain(`số ${board.seq}`);
      }
    }
    expect(smtp.to(REFUSED)).toHaveLength(0);

    const deliveries = (await api(server, 'GET', `/api/exports/${id}`, { cookie: admin })).body.deliveries as Export['deliveries'];
    expect(deliveries.map((d) => [d.to, d.status, d.attempts])).toEqual([
      [LEADER, 'sent', 1],
      [OFFICE, 'sent', 1],
      [REFUSED, 'failed', 1],
    ]);
    const refused = deliveries[2]!;
    expect(refused.error).toMatch(/^550 .*tu-choi@example\.gov\.vn/);
    expect(refused.retryAt).not.toBeNull();

    // Its retry comes due: tried again, refused again, recorded again.
    server.clock.set(Date.parse(refused.retryAt!) + 1);
    await server.app.mail.sendDue();
    const retried = (await api(server, 'GET', `/api/exports/${id}`, { cookie: admin })).body.deliveries[2];
    expect(retried).toMatchObject({ to: REFUSED, status: 'failed', attempts: 2 });
    expect(Date.parse(retried.retryAt)).toBeGreaterThan(Date.parse(refused.retryAt!));

    // A restart sends nothing again.
    await server.restart();
    await server.app.mail.sendDue();
    expect(smtp.received).toHaveLength(2);
  });

  it('shows each delivery on /reports, and "Gửi lại" sends one again for an admin', async () => {
    const { page, context, problems } = await signInAt('/reports');
    const row = page.locator('[data-delivery]', { hasText: LEADER });
    await expect(row.getAttribute('data-status')).resolves.toBe('sent');
    await expect(page.locator('[data-delivery]', { hasText: REFUSED }).textContent()).resolves.toMatch(/Gửi không thành công.*Máy chủ thư trả lời: 550/);
    await row.getByRole('button', { name: `Gửi lại cho ${LEADER}` }).click();
    await row.getByText(`Đã yêu cầu gửi lại cho ${LEADER}.`).waitFor();
    await eventually('the message sent again', () => smtp.to(LEADER).length === 2);
    expect(smtp.to(OFFICE)).toHaveLength(1);
    expect(problems).toEqual([]);
    await context.close();

    // An editor sees the deliveries, not the button.
    await server.createUser({ username: 'bien-tap', password: 'Editor-Password-1', role: 'editor' });
    const editor = await signInAt('/reports', 'bien-tap', 'Editor-Password-1');
    await editor.page.locator('[data-delivery]').first().waitFor();
    expect(await editor.page.getByRole('button', { name: /Gửi lại/ }).count()).toBe(0);
    await editor.context.close();
  });

  it('sends nothing without SMTP_URL, and the settings page says why', async () => {
    const cookie = await unmailed.login();
    expect((await api(unmailed, 'PATCH', '/api/settings', { body: { reportRecipients: [LEADER] }, cookie })).status).toBe(200);
    const before = smtp.received.length;
    const done = await finished(unmailed, (await api(unmailed, 'POST', '/api/exports', { body: {}, cookie })).body.id, cookie);
    expect(done).toMatchObject({ status: 'done', deliveries: [] });
    await unmailed.app.mail.idle();
    expect(smtp.received).toHaveLength(before);

    const { page, context, problems } = await signInAt('/admin/settings', ADMIN.username, ADMIN.password, unmailed);
    const reason = page.locator('[data-mail-status="smtp_url_missing"]');
    await expect(reason.textContent()).resolves.toContain('Chưa gửi được email');
    await expect(reason.textContent()).resolves.toContain('SMTP_URL');
    expect(problems).toEqual([]);
    await context.close();
  });
});
