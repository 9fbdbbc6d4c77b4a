/**
 * How soon a finished export's mail reaches the SMTP server (target: within 5 s), on the demo
 * board: from the moment the export is recorded done (`finishedAt`) to the moment a real SMTP
 * server on loopback (smtp-server) has the last recipient's whole message, for 2 and for 50
 * recipients (the most settings allow). The baseline of the same run: one message with the same
 * PDF handed straight to nodemailer, a new connection, no database, no outbox.
 * `npm run bench:mail`; figures go to docs/performance.md.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createApp } from '../server/app';
import type { Principal } from '../server/auth/principal';
import { smtpMailer } from '../server/mail/mailer';
import { seedDemo } from '../server/seed/seed';
import { SettingsRepository } from '../server/settings/settings.repository';
import { SETTING } from '../server/settings/settings.service';
import { startSmtpServer } from '../tests/helpers/smtp-server';
import { benchDatabase } from './database';

const ROOT = join(import.meta.dirname, '..');
const FROM = 'Văn phòng <bao-cao@example.gov.vn>';

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 2));
}

execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-if-needed.mjs')], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
const smtp = await startSmtpServer({ parse: false });
const temp = await benchDatabase();
const clock = { now: () => Date.now() };
await seedDemo(temp.db, clock.now(), 'Asia/Ho_Chi_Minh');
const app = await createApp({ db: temp.db, clock, timeZone: 'Asia/Ho_Chi_Minh', logLevel: 'silent', dataDir: temp.dir, clientDir: join(ROOT, 'dist', 'client'), mail: { smtpUrl: smtp.url, from: FROM } });
await app.auth.ensureFirstAdmin('admin', 'Bench-Password-1');
await app.http.listen({ port: 0, host: '127.0.0.1' });
void (app.http.server.address() as AddressInfo);
const principal: Principal = { kind: 'user', userId: 1, username: 'admin', displayName: 'admin', role: 'admin', unitIds: [] };
const settings = new SettingsRepository(temp.db);
const lines: string[] = [];

async function exportMailed(label: string, recipients: number): Promise<string> {
  await settings.transaction(() => settings.set(SETTING.reportRecipients, Array.from({ length: recipients }, (_, i) => `nguoi-nhan-${i}@example.gov.vn`)));
  const before = smtp.received.length;
  const { id } = await app.exports.request(principal, undefined);
  await app.exports.idle();
  await until(() => smtp.received.length >= before + recipients);
  const exported = await app.exports.get(id);
  if (exported.status !== 'done' || !exported.finishedAt) throw new Error(`export ${id} ${exported.status}: ${exported.error}`);
  const finishedAt = Date.parse(exported.finishedAt);
  const arrivals = smtp.received.slice(before).map((mail) => mail.receivedAt - finishedAt);
  const pdf = exported.files.find((file) => file.type === 'application/pdf')!;
  const size = statSync((await app.exports.filePath(id, pdf.name)).path).size;
  lines.push(`${label}, PDF ${(size / 1024).toFixed(0)} KiB, ${recipients} recipients: first message ${Math.min(...arrivals)} ms, last ${Math.max(...arrivals)} ms after the export was done`);
  return (await app.exports.filePath(id, pdf.name)).path;
}

const pdfPath = await exportMailed('export of the demo board, cold (Chromium launched)', 2);
{
  const bare = smtpMailer(smtp.url, FROM);
  const before = smtp.received.length;
  const started = Date.now();
  await bare.send({ to: 'baseline@example.gov.vn', subject: 'Báo cáo tuần', text: 'baseline', html: '<p>baseline</p>', attachments: [{ filename: 'bao-cao.pdf', path: pdfPath, contentType: 'application/pdf' }], messageId: '<baseline@termboard>' });
  await until(() => smtp.received.length > before);
  lines.unshift(`baseline: one message with the same PDF straight through nodemailer (new connection): ${smtp.received.at(-1)!.receivedAt - started} ms`);
  bare.close();
}
for (let i = 1; i <= 2; i++) await exportMailed(`export of the demo board, warm #${i}`, 2);
await exportMailed('export of the demo board, warm #3', 50);

await app.close();
await temp.remove();
await smtp.close();
for (const line of lines) console.log(line);
