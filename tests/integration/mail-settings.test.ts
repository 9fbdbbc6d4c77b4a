import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_RECIPIENTS } from '../../shared/api/mail';
import { settingsSchema } from '../../shared/api/settings';
import { DeliveriesRepository } from '../../server/mail/deliveries.repository';
import { api, startTestServer, type TestServer } from '../helpers/start-test-server';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { eventually } from '../helpers/socket-client';

let smtp: TestSmtpServer;
let server: TestServer;
let unmailed: TestServer;
let admin: string;
let editor: string;

beforeAll(async () => {
  smtp = await startSmtpServer();
  server = await startTestServer({ mail: { smtpUrl: smtp.url, from: 'Văn phòng <bao-cao@example.gov.vn>' } });
  unmailed = await startTestServer();
  admin = await server.login();
  await server.createUser({ username: 'bien-tap', password: 'Editor-Password-1', role: 'editor' });
  editor = await server.login('bien-tap', 'Editor-Password-1');
});
afterAll(async () => {
  await server?.close();
  await unmailed?.close();
  await smtp?.close();
});

describe('who is mailed (settings)', () => {
  it('keeps the report’s and the alerts’ recipients, shown to admins only', async () => {
    const patch = { reportRecipients: ['lanh-dao@example.gov.vn', ' van-phong@example.gov.vn '], alertRecipients: ['canh-bao@example.gov.vn'] };
    const changed = await api(server, 'PATCH', '/api/settings', { body: patch, cookie: admin });
    expect(changed.status).toBe(200);
    const settings = settingsSchema.parse((await api(server, 'GET', '/api/settings', { cookie: admin })).body);
    expect(settings).toMatchObject({
      reportRecipients: ['lanh-dao@example.gov.vn', 'van-phong@example.gov.vn'],
      alertRecipients: ['canh-bao@example.gov.vn'],
      mail: { configured: true, from: 'Văn phòng <bao-cao@example.gov.vn>' },
    });
    const asEditor = (await api(server, 'GET', '/api/settings', { cookie: editor })).body;
    expect(asEditor.officeName).toBeTruthy();
    expect(asEditor).not.toHaveProperty('reportRecipients');
    expect(asEditor).not.toHaveProperty('alertRecipients');
    expect((await api(server, 'PATCH', '/api/settings', { body: { reportRecipients: [] }, cookie: editor })).status).toBe(403);
  });

  it.each([
    ['an address that is not one', { reportRecipients: ['lanh-dao@example.gov.vn', 'không phải email'] }, 'reportRecipients.1'],
    ['one address twice', { alertRecipients: ['a@example.gov.vn', 'A@example.gov.vn'] }, 'alertRecipients'],
    ['more than the limit', { reportRecipients: Array.from({ length: MAX_RECIPIENTS + 1 }, (_, i) => `nguoi-${i}@example.gov.vn`) }, 'reportRecipients'],
    ['not a list', { reportRecipients: 'lanh-dao@example.gov.vn' }, 'reportRecipients'],
  ])('refuses %s with 400 and changes nothing', async (_what, body, field) => {
    const answer = await api(server, 'PATCH', '/api/settings', { body, cookie: admin });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('validation_failed');
    expect(Object.keys(answer.body.error.fields)).toContain(field);
    const settings = (await api(server, 'GET', '/api/settings', { cookie: admin })).body;
    expect(settings.reportRecipients).toEqual(['lanh-dao@example.gov.vn', 'van-phong@example.gov.vn']);
    expect(settings.alertRecipients).toEqual(['canh-bao@example.gov.vn']);
  });

  it('says why nothing is mailed without SMTP_URL', async () => {
    const settings = (await api(unmailed, 'GET', '/api/settings', { cookie: await unmailed.login() })).body;
    expect(settings.mail).toEqual({ configured: false, reason: 'smtp_url_missing', from: null });
  });
});

describe('POST /api/deliveries/:id/resend ("Gửi lại")', () => {
  it('sends a delivery again for an admin, and for nobody else', async () => {
    const message = { topic: 'test:resend', exportId: null, subject: 'Báo cáo tuần', text: 'Nội dung', html: '<p>Nội dung</p>', attachments: [] };
    expect(await server.app.mail.queue([{ ...message, recipient: 'gui-lai@example.gov.vn' }])).toBe(true);
    await server.app.mail.idle();
    const [row] = await new DeliveriesRepository(server.db).ofTopic('test:resend');
    expect(row).toMatchObject({ status: 'sent' });
    expect(smtp.to('gui-lai@example.gov.vn')).toHaveLength(1);

    expect((await api(server, 'POST', `/api/deliveries/${row!.id}/resend`)).status).toBe(401);
    expect((await api(server, 'POST', `/api/deliveries/${row!.id}/resend`, { cookie: editor })).status).toBe(403);
    expect((await api(server, 'POST', '/api/deliveries/999999/resend', { cookie: admin })).status).toBe(404);
    expect((await api(server, 'POST', '/api/deliveries/abc/resend', { cookie: admin })).status).toBe(400);
    expect(smtp.to('gui-lai@example.gov.vn')).toHaveLength(1);

    const resent = await api(server, 'POST', `/api/deliveries/${row!.id}/resend`, { cookie: admin });
    expect(resent.status).toBe(202);
    expect(resent.body.delivery).toMatchObject({ id: row!.id, to: 'gui-lai@example.gov.vn', status: 'pending' });
    await eventually('the message sent again', () => smtp.to('gui-lai@example.gov.vn').length === 2);
    await server.app.mail.idle();
    expect(await new DeliveriesRepository(server.db).find(row!.id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('answers 409 where no mail is configured', async () => {
    const answer = await api(unmailed, 'POST', '/api/deliveries/1/resend', { cookie: await unmailed.login() });
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('conflict');
  });
});
