import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../server/auth/principal';
import { DeliveriesRepository, type QueuedMail } from '../../server/mail/deliveries.repository';
import { smtpMailer } from '../../server/mail/mailer';
import { LEASE_MS, MailOutbox, RETRY_AFTER_MS } from '../../server/mail/outbox.service';
import { TestClock } from '../helpers/start-test-server';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { tempDatabase, testDialect, type TempDatabase } from '../helpers/temp-db';

/*
 * The mail outbox against a real SMTP server on loopback, two outboxes on one database standing
 * for two nodes. The clock is the test's: a retry is due when the test says so.
 */
let temp: TempDatabase;
let smtp: TestSmtpServer;
let clock: TestClock;
const outboxes: MailOutbox[] = [];
const silent = { info() {}, warn() {}, error() {} };
const admin: Principal = { kind: 'user', userId: 1, username: 'admin', displayName: 'admin', role: 'admin', unitIds: [] };
const viewer: Principal = { ...admin, userId: 2, username: 'viewer', role: 'viewer' };

function node(name: string): { outbox: MailOutbox; repository: DeliveriesRepository } {
  const repository = new DeliveriesRepository(temp.db);
  const outbox = new MailOutbox(repository, smtpMailer(smtp.url, 'Văn phòng <bao-cao@example.gov.vn>'), clock, { dataDir: temp.dir, owner: name, from: 'bao-cao@example.gov.vn', log: silent });
  outboxes.push(outbox);
  return { outbox, repository };
}

async function pdfBytes(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.addPage([595, 842]).drawText('Bao cao tuan');
  return Buffer.from(await pdf.save());
}

function mail(topic: string, recipient: string): QueuedMail {
  return {
    topic,
    exportId: null,
    recipient,
    subject: 'Báo cáo tuần 48/2026 — Nhiệm kỳ 2025–2030',
    text: 'Tình hình các chỉ tiêu',
    html: '<p>Tình hình các chỉ tiêu</p>',
    attachments: [{ filename: 'bao-cao-2026-W48.pdf', path: 'files/bao-cao.pdf', contentType: 'application/pdf' }],
  };
}

beforeAll(async () => {
  temp = await tempDatabase();
  smtp = await startSmtpServer();
  clock = new TestClock();
  mkdirSync(join(temp.dir, 'files'));
  writeFileSync(join(temp.dir, 'files', 'bao-cao.pdf'), await pdfBytes());
});
afterAll(async () => {
  for (const outbox of outboxes) await outbox.stop();
  await smtp.close();
  await temp.remove();
});

describe(`the mail outbox (${testDialect}, real SMTP on loopback)`, () => {
  it('sends each message once across two nodes, with the PDF; records a refused recipient with the server’s answer and retries it', async () => {
    const a = node('node-a');
    const b = node('node-b');
    smtp.refused.add('tu-choi@example.gov.vn');
    const mails = ['lanh-dao@example.gov.vn', 'van-phong@example.gov.vn', 'tu-choi@example.gov.vn'].map((to) => mail('report:1', to));
    expect(await a.outbox.queue(mails)).toBe(true);
    // The other node queues the same topic too (both saw the export finish): nothing new.
    expect(await b.repository.queue(mails, clock.now())).toBe(0);
    await Promise.all([a.outbox.sendDue(), b.outbox.sendDue()]);

    for (const to of ['lanh-dao@example.gov.vn', 'van-phong@example.gov.vn']) {
      const received = smtp.to(to);
      expect(received).toHaveLength(1);
      expect(received[0]!.parsed.subject).toContain('Báo cáo');
      expect(received[0]!.parsed.text).toContain('Tình hình các chỉ tiêu');
      const [attachment] = received[0]!.parsed.attachments;
      expect(attachment).toMatchObject({ contentType: 'application/pdf', filename: 'bao-cao-2026-W48.pdf' });
      expect((await PDFDocument.load(attachment!.content)).getPageCount()).toBe(1);
    }
    expect(smtp.to('tu-choi@example.gov.vn')).toHaveLength(0);
    const rows = await a.repository.ofTopic('report:1');
    expect(rows.map((row) => [row.recipient, row.status, row.attempts])).toEqual([
      ['lanh-dao@example.gov.vn', 'sent', 1],
      ['van-phong@example.gov.vn', 'sent', 1],
      ['tu-choi@example.gov.vn', 'failed', 1],
    ]);
    const refused = rows[2]!;
    expect(refused.error).toMatch(/^550 .*tu-choi@example\.gov\.vn.*mailbox unavailable/);
    expect(refused.nextAttemptAt).toBe(clock.now() + RETRY_AFTER_MS[0]!);

    // Not due yet: nothing is tried.
    await b.outbox.sendDue();
    expect((await b.repository.find(refused.id))!.attempts).toBe(1);
    // Due, still refused: the second attempt is recorded, the next wait is longer.
    clock.advance(RETRY_AFTER_MS[0]!);
    await b.outbox.sendDue();
    expect(await b.repository.find(refused.id)).toMatchObject({ status: 'failed', attempts: 2, nextAttemptAt: clock.now() + RETRY_AFTER_MS[1]! });
    // The mailbox exists now: the third attempt delivers it, once.
    smtp.refused.clear();
    clock.advance(RETRY_AFTER_MS[1]!);
    await Promise.all([a.outbox.sendDue(), b.outbox.sendDue()]);
    expect(await b.repository.find(refused.id)).toMatchObject({ status: 'sent', attempts: 3, nextAttemptAt: null, error: null });
    expect(smtp.to('tu-choi@example.gov.vn')).toHaveLength(1);
    expect(smtp.received).toHaveLength(3);
  });

  it('after a restart sends nothing twice, and takes over what a dead node was sending once its lease ran out', async () => {
    const before = smtp.received.length;
    // A restart: a new outbox over the same rows sends nothing already sent.
    const restarted = node('node-a-restarted');
    await restarted.outbox.sendDue();
    expect(smtp.received).toHaveLength(before);

    // Node C claims a delivery and dies before sending it.
    await restarted.repository.queue([mail('report:2', 'lanh-dao@example.gov.vn')], clock.now());
    const [claimed] = await restarted.repository.claimDue(clock.now(), 'node-c', clock.now() + LEASE_MS, 10);
    expect(claimed?.topic).toBe('report:2');
    await restarted.outbox.sendDue();
    expect(smtp.received).toHaveLength(before);
    clock.advance(LEASE_MS + 1);
    await restarted.outbox.sendDue();
    expect(smtp.received).toHaveLength(before + 1);
    expect(await restarted.repository.find(claimed!.id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('gives up after the last retry and sends again only when an admin asks', async () => {
    const { outbox, repository } = node('node-d');
    smtp.refused.add('mat-hop-thu@example.gov.vn');
    await outbox.queue([mail('report:3', 'mat-hop-thu@example.gov.vn')]);
    await outbox.sendDue();
    for (const wait of RETRY_AFTER_MS) {
      clock.advance(wait);
      await outbox.sendDue();
    }
    const [row] = await repository.ofTopic('report:3');
    expect(row).toMatchObject({ status: 'failed', attempts: RETRY_AFTER_MS.length + 1, nextAttemptAt: null });

    await expect(outbox.resend(viewer, row!.id)).rejects.toMatchObject({ code: 'forbidden' });
    smtp.refused.clear();
    expect(await outbox.resend(admin, row!.id)).toMatchObject({ status: 'pending', to: 'mat-hop-thu@example.gov.vn' });
    await outbox.sendDue();
    expect(smtp.to('mat-hop-thu@example.gov.vn')).toHaveLength(1);
    expect(await repository.find(row!.id)).toMatchObject({ status: 'sent', attempts: RETRY_AFTER_MS.length + 2 });
  });
});
