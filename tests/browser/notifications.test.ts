import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, submitLogin, watchedPage } from '../helpers/browser';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { ADMIN, api, startTestServer, type TestServer } from '../helpers/start-test-server';
import { CLIENT_DIR } from './browser-suite';

/*
 * Reminders and alerts in the browser: an editor sets their email on /account, the minute's check
 * mails them (a real SMTP server on loopback), the reminder's link opens the indicator's entry
 * form, and the admin reads the record on /admin/notifications.
 */
const PASSWORD = 'Nhac-viec-trinh-duyet-2026';
let smtp: TestSmtpServer;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  smtp = await startSmtpServer();
  server = await startTestServer({ clientDir: CLIENT_DIR, mail: { smtpUrl: smtp.url, from: 'nhac-viec@example.gov.vn' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await smtp?.close();
});

async function signInAt(path: string, username: string, password: string) {
  const watched = await watchedPage(browser);
  await watched.page.goto(`${server.url}/login?next=${encodeURIComponent(path)}`);
  await submitLogin(watched.page, path, username, password);
  return watched;
}

describe('reminders and alerts in the browser', () => {
  it('an editor sets their email on /account, gets a reminder whose link opens the entry form, and the admin sees it sent', async () => {
    const admin = await server.login();
    const unit = (await api(server, 'POST', '/api/units', { body: { name: 'Tổ số hóa' }, cookie: admin })).body;
    await server.createUser({ username: 'sohoa', password: PASSWORD, role: 'editor', unitIds: [unit.id] });
    const board = (await api(server, 'GET', '/api/board', { cookie: admin })).body;
    const created = await api(server, 'POST', `/api/terms/${board.term.id}/indicators`, {
      body: { code: 'SH-01', name: 'Hồ sơ số hóa', groupId: board.groups[0].id, ownerUnitId: unit.id, measure: 'count', aggregation: 'cumulative', direction: 'increase', unit: 'hồ sơ', baseline: 0, target: 100, updateFrequency: 'week' },
      cookie: admin,
    });
    expect(created.status).toBe(201);

    const editor = await signInAt('/account', 'sohoa', PASSWORD);
    await editor.page.getByLabel('Thư điện tử').fill('sohoa@example.gov.vn');
    await expect.poll(() => editor.page.getByLabel('Nhận thư nhắc cập nhật số liệu').isChecked()).toBe(true);
    await editor.page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await editor.page.getByText('Đã lưu.').waitFor();
    expect((await api(server, 'GET', '/api/users', { cookie: admin })).body.users.find((u: { username: string }) => u.username === 'sohoa').email).toBe('sohoa@example.gov.vn');

    server.clock.advance(60_000);
    expect(await server.app.notifications.check()).toBe(true);
    await server.app.mail.sendDue();
    const [mail] = smtp.to('sohoa@example.gov.vn');
    expect(mail?.parsed.subject).toContain('SH-01');
    const link = /https?:\/\/\S+\/workspace\?indicator=\d+/.exec(mail!.parsed.text ?? '')![0];
    await editor.page.goto(link);
    await editor.page.getByRole('heading', { name: /SH-01/ }).waitFor();
    expect(editor.problems).toEqual([]);

    const watched = await signInAt('/admin/notifications', ADMIN.username, ADMIN.password);
    const row = watched.page.getByRole('row').filter({ hasText: 'SH-01' });
    await row.getByText('Nhắc quá hạn').waitFor();
    await row.getByText('sohoa@example.gov.vn').waitFor();
    await row.getByText('Đã gửi').waitFor();
    expect(await axeViolations(watched.page)).toEqual([]);
    expect(watched.problems).toEqual([]);
  });
});
