import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardSchema, type Board } from '../../shared/api/board';
import { notificationListSchema } from '../../shared/api/notifications';
import { NotificationsRepository } from '../../server/notifications/notifications.repository';
import { ALERT_GATHER_MS, CHECK_EVERY_MS } from '../../server/notifications/notifications.service';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { api, signIn, startTestServer, type TestServer } from '../helpers/start-test-server';
import { testDialect } from '../helpers/temp-db';

/*
 * Reminders and alerts end to end: a real server over a real database, a real SMTP server on
 * loopback receiving the mail, the test's clock moved by hand instead of waiting for minutes.
 */
let server: TestServer;
let smtp: TestSmtpServer;
let admin: string;
let board: Board;
const PASSWORD = 'Nhac-viec-bang-chi-tieu-2026';

async function createUnit(name: string): Promise<number> {
  const created = await api(server, 'POST', '/api/units', { body: { name }, cookie: admin });
  expect(created.status).toBe(201);
  return created.body.id as number;
}

async function createEditor(username: string, unitId: number, email: string | null): Promise<number> {
  const created = await api(server, 'POST', '/api/users', {
    body: { username, displayName: `Chuyên viên ${username}`, password: PASSWORD, role: 'editor', unitIds: [unitId], ...(email ? { email } : {}) },
    cookie: admin,
  });
  expect(created.status).toBe(201);
  return created.body.id as number;
}

async function createIndicator(code: string, unitId: number, overrides: Record<string, unknown> = {}): Promise<number> {
  const created = await api(server, 'POST', `/api/terms/${board.term.id}/indicators`, {
    body: {
      code,
      name: `Chỉ tiêu ${code}`,
      groupId: board.groups[0]!.id,
      ownerUnitId: unitId,
      measure: 'count',
      aggregation: 'cumulative',
      direction: 'increase',
      unit: 'hồ sơ',
      baseline: 0,
      target: 100,
      updateFrequency: 'week',
      ...overrides,
    },
    cookie: admin,
  });
  expect(created.status).toBe(201);
  return created.body.id as number;
}

/** Moves to the next minute and runs its check, then waits for the outbox to finish sending. */
async function nextCheck(ms = CHECK_EVERY_MS): Promise<boolean> {
  server.clock.advance(ms);
  const ran = await server.app.notifications.check();
  await server.app.mail.sendDue();
  // Sessions end after 2 hours idle on the test's clock too.
  if (ms > CHECK_EVERY_MS) admin = await server.login();
  return ran;
}

/**
 * fetch keeps connections alive; those to the stopped server may still look open to it and fail
 * the next request ("other side closed"). Each such request costs one of them: spend them on health.
 */
async function forgetOldConnections(): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const answered = await fetch(`${server.url}/api/health`).then(() => true, () => false);
    if (answered) return;
  }
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  server = await startTestServer({ mail: { smtpUrl: smtp.url, from: 'Văn phòng <nhac-viec@example.gov.vn>' } });
  admin = await server.login();
  board = boardSchema.parse((await api(server, 'GET', '/api/board', { cookie: admin })).body);
  // The demo board's own overdue indicators have no editor with an email: their reminders reach no one.
  expect(await nextCheck()).toBe(true);
  expect(smtp.received).toHaveLength(0);
});
afterAll(async () => {
  await server.close();
  await smtp.close();
});

describe(`reminders (${testDialect}, real SMTP on loopback)`, () => {
  it('a new weekly indicator with no reading makes one reminder to its unit’s editors, and only one across a restart; an opted-out user gets nothing', async () => {
    const unitId = await createUnit('Tổ một cửa');
    await createEditor('chuyenvien.a', unitId, 'chuyenvien.a@example.gov.vn');
    await createEditor('chuyenvien.b', unitId, 'chuyenvien.b@example.gov.vn');
    await createEditor('chuyenvien.c', unitId, null);
    // B opts out on /account.
    const b = await signIn(server.url, 'chuyenvien.b', PASSWORD);
    const optedOut = await api(server, 'PATCH', '/api/account', { body: { receivesReminders: false }, cookie: b });
    expect(optedOut.status).toBe(200);
    expect(optedOut.body).toEqual({ email: 'chuyenvien.b@example.gov.vn', receivesReminders: false });
    // The term began long ago and the weekly indicator has no reading: it is overdue at once.
    const id = await createIndicator('MC-01', unitId);

    expect(await nextCheck()).toBe(true);
    const toA = smtp.to('chuyenvien.a@example.gov.vn');
    expect(toA).toHaveLength(1);
    expect(toA[0]!.parsed.subject).toContain('MC-01');
    expect(toA[0]!.parsed.subject).toContain('Quá hạn cập nhật');
    expect(toA[0]!.parsed.text).toContain('Kính gửi Chuyên viên chuyenvien.a');
    expect(toA[0]!.parsed.text).toContain(`${server.url}/workspace?indicator=${id}`);
    expect(toA[0]!.parsed.html).toContain(`href="${server.url}/workspace?indicator=${id}"`);
    expect(smtp.to('chuyenvien.b@example.gov.vn')).toHaveLength(0);

    await server.restart();
    await forgetOldConnections();
    expect(await nextCheck()).toBe(true);
    expect(await nextCheck(24 * 3_600_000)).toBe(true);
    expect(smtp.to('chuyenvien.a@example.gov.vn')).toHaveLength(1);
    expect(smtp.to('chuyenvien.b@example.gov.vn')).toHaveLength(0);

    const listed = notificationListSchema.parse((await api(server, 'GET', '/api/notifications', { cookie: admin })).body).notifications;
    const reminder = listed.filter((n) => n.indicator.code === 'MC-01');
    expect(reminder).toHaveLength(1);
    expect(reminder[0]).toMatchObject({ kind: 'reminder_overdue', dueDate: '2025-06-08', mailed: true });
    expect(reminder[0]!.deliveries).toMatchObject([{ to: 'chuyenvien.a@example.gov.vn', status: 'sent', attempts: 1 }]);
  });

  it('several indicators due at once for the same editor go out as one digest; a reading dated recently stops them', async () => {
    const unitId = await createUnit('Phòng Tổng hợp');
    await createEditor('tonghop.d', unitId, 'tonghop.d@example.gov.vn');
    const first = await createIndicator('TH-01', unitId);
    await createIndicator('TH-02', unitId);
    // A reading dated today: its next one is due in a week, so no reminder yet.
    const third = await createIndicator('TH-03', unitId);
    expect((await api(server, 'POST', `/api/indicators/${third}/readings`, { body: { date: board.date, value: 1 }, cookie: admin })).status).toBe(201);

    expect(await nextCheck()).toBe(true);
    const received = smtp.to('tonghop.d@example.gov.vn');
    expect(received).toHaveLength(1);
    expect(received[0]!.parsed.subject).toMatch(/2 chỉ tiêu: TH-01, TH-02$/);
    expect(received[0]!.parsed.text).toContain(`/workspace?indicator=${first}`);
    expect(received[0]!.parsed.text).not.toContain('TH-03');

    // Four days on, TH-03's reading is due in three: one "due soon" reminder, once.
    expect(await nextCheck(4 * 24 * 3_600_000)).toBe(true);
    expect(await nextCheck()).toBe(true);
    const later = smtp.to('tonghop.d@example.gov.vn');
    expect(later).toHaveLength(2);
    expect(later[1]!.parsed.subject).toContain('Nhắc cập nhật số liệu chỉ tiêu TH-03');
  });

  it('one node claims each minute', async () => {
    const repository = new NotificationsRepository(server.db);
    const slot = Math.floor(server.clock.now() / CHECK_EVERY_MS) + 1_000;
    const claims = await Promise.all(['node-a', 'node-b', 'node-c'].map((owner) => repository.claimSlot('claim-test', slot, owner, server.clock.now())));
    expect(claims.filter(Boolean)).toHaveLength(1);
    // That minute is taken for everyone, the earlier ones too.
    expect(await repository.claimSlot('claim-test', slot, 'node-a', server.clock.now())).toBe(false);
    expect(await repository.claimSlot('claim-test', slot - 1, 'node-b', server.clock.now())).toBe(false);
  });
});

describe(`alerts (${testDialect}, real SMTP on loopback)`, () => {
  it('a reading that drops an indicator from on track to off track makes one alert to the alert recipients', async () => {
    // Demo indicators that slipped as the earlier tests moved the days on are mailed (to no one yet) first.
    await nextCheck(ALERT_GATHER_MS);
    const settings = await api(server, 'PATCH', '/api/settings', { body: { alertRecipients: ['lanh-dao@example.gov.vn', 'van-phong@example.gov.vn'] }, cookie: admin });
    expect(settings.status).toBe(200);
    const unitId = await createUnit('Phòng Kiểm soát TTHC');
    const id = await createIndicator('KS-01', unitId, { measure: 'percent', aggregation: 'latest', unit: '%', target: 100, updateFrequency: 'month', decimals: 1 });
    const today = (await api(server, 'GET', '/api/board', { cookie: admin })).body.date as string;
    const onTrack = await api(server, 'POST', `/api/indicators/${id}/readings`, { body: { date: today, value: 60 }, cookie: admin });
    expect(onTrack.body.indicator.status).toBe('on_track');
    expect(await nextCheck()).toBe(true);

    const offTrack = await api(server, 'POST', `/api/indicators/${id}/readings`, { body: { date: today, value: 1 }, cookie: admin });
    expect(offTrack.body.indicator.status).toBe('off_track');
    expect(await nextCheck()).toBe(true);
    // Gathered for a few minutes: nothing yet.
    expect(smtp.to('lanh-dao@example.gov.vn').map((mail) => mail.parsed.subject)).toEqual([]);
    await nextCheck(ALERT_GATHER_MS);
    await nextCheck();

    for (const to of ['lanh-dao@example.gov.vn', 'van-phong@example.gov.vn']) {
      const received = smtp.to(to);
      expect(received).toHaveLength(1);
      expect(received[0]!.parsed.subject).toBe('Cảnh báo chỉ tiêu KS-01: “Đúng tiến độ” → “Chậm tiến độ”');
      expect(received[0]!.parsed.text).toContain('Hiện đạt 1,0%');
      expect(received[0]!.parsed.text).toContain(`${server.url}/workspace/indicators/${id}`);
    }
    const listed = notificationListSchema.parse((await api(server, 'GET', '/api/notifications', { cookie: admin })).body).notifications;
    const alerts = listed.filter((n) => n.kind === 'alert' && n.indicator.code === 'KS-01');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ from: 'on_track', to: 'off_track', mailed: true });
    expect(alerts[0]!.deliveries.map((d) => d.status)).toEqual(['sent', 'sent']);
  });

  it('changes within a few minutes go out as one message', async () => {
    const unitId = await createUnit('Phòng Hành chính');
    const percent = { measure: 'percent', aggregation: 'latest', unit: '%', target: 100, updateFrequency: 'month', decimals: 1 };
    const ids = [await createIndicator('HC-01', unitId, percent), await createIndicator('HC-02', unitId, percent)];
    const today = (await api(server, 'GET', '/api/board', { cookie: admin })).body.date as string;
    for (const id of ids) await api(server, 'POST', `/api/indicators/${id}/readings`, { body: { date: today, value: 60 }, cookie: admin });
    await nextCheck();
    const before = smtp.to('lanh-dao@example.gov.vn').length;
    // One slips, a minute later the other: both within the gathering window.
    for (const id of ids) {
      expect((await api(server, 'POST', `/api/indicators/${id}/readings`, { body: { date: today, value: 1 }, cookie: admin })).body.indicator.status).toBe('off_track');
      await nextCheck();
    }
    await nextCheck(ALERT_GATHER_MS);
    await nextCheck();
    const received = smtp.to('lanh-dao@example.gov.vn').slice(before);
    expect(received.map((mail) => mail.parsed.subject)).toEqual(['Cảnh báo 2 chỉ tiêu giảm trạng thái: HC-01, HC-02']);
  });

  it('the list is for admins only', async () => {
    const editor = await signIn(server.url, 'chuyenvien.a', PASSWORD);
    expect((await api(server, 'GET', '/api/notifications', { cookie: editor })).status).toBe(403);
    expect((await api(server, 'GET', '/api/notifications?limit=0', { cookie: admin })).status).toBe(400);
    expect((await api(server, 'PATCH', '/api/account', { body: { email: 'not an address' }, cookie: editor })).body.error.fields).toEqual({ email: 'invalid_format' });
  });
});
