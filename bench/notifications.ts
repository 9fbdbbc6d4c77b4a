/**
 * The minute's reminders-and-alerts check (target: ≤ 50 ms) on the large generated board (300
 * indicators, ~78,000 readings), SQLite, with 20 editors of the board's unit who have an email
 * and a real SMTP server on loopback. Each check is on a new minute of the test's clock:
 * - steady: nothing new to tell (the usual minute): the claim, the board, the watched statuses;
 * - after a reading: one indicator recomputed, its status compared.
 * Baselines of the same run: the board the check reads (in process, cached) and one bare write
 * transaction (the minute's claim is one: a COMMIT with fsync).
 * `npm run bench:notifications`; figures go to docs/performance.md.
 */
import { eq } from 'drizzle-orm';
import { createApp } from '../server/app';
import { hashPassword } from '../server/auth/passwords';
import { AuthRepository } from '../server/auth/auth.repository';
import { startSmtpServer } from '../tests/helpers/smtp-server';
import { benchDatabase } from './database';
import { seedLargeBoard } from './large-board';
import { printTable, summary, timeEach } from './stats';

const CHECKS = 200;
let now = Date.parse('2029-12-31T10:00:00+07:00');
const clock = { now: () => now };
const nextMinute = () => {
  now += 60_000;
};

const smtp = await startSmtpServer({ parse: false });
const temp = await benchDatabase();
await seedLargeBoard(temp.db);
const app = await createApp({ db: temp.db, clock, timeZone: 'Asia/Ho_Chi_Minh', logLevel: 'silent', dataDir: temp.dir, mail: { smtpUrl: smtp.url, from: 'nhac-viec@example.gov.vn' } });
await app.http.listen({ port: 0, host: '127.0.0.1' });
const unitId = (await temp.db.orm.select({ id: temp.db.tables.units.id }).from(temp.db.tables.units))[0]!.id;
const auth = new AuthRepository(temp.db);
const passwordHash = await hashPassword('Bench-Password-1-editor');
for (let i = 0; i < 20; i++) {
  const id = await auth.createUser({ username: `editor${i}`, displayName: `Biên tập ${i}`, passwordHash, role: 'editor', unitIds: [unitId], email: `editor${i}@example.gov.vn`, now });
  void id;
}
const { indicators } = temp.db.tables;
const percentIds = (await temp.db.orm.select({ id: indicators.id }).from(indicators).where(eq(indicators.measure, 'percent'))).map((row) => row.id);

const rows = [];
{
  nextMinute();
  const started = performance.now();
  await app.notifications.check();
  rows.push(summary('first check (300 statuses recorded, reminders queued)', [performance.now() - started]));
  await app.mail.sendDue();
}
rows.push(summary('baseline: the board the check reads (in process, cached)', await timeEach(CHECKS, () => app.boards.board())));
{
  const { settings } = temp.db.tables;
  rows.push(
    summary(
      'baseline: one bare write transaction (one row)',
      await timeEach(CHECKS, () =>
        temp.db.transaction(async () => {
          await temp.db.orm.insert(settings).values({ key: 'bench', value: String(now) }).onConflictDoUpdate({ target: settings.key, set: { value: String(now) } });
        }),
      ),
    ),
  );
}
rows.push(
  summary(
    'minute check, nothing new (steady)',
    await timeEach(CHECKS, async () => {
      nextMinute();
      if (!(await app.notifications.check())) throw new Error('the check did not run');
    }),
  ),
);
{
  const samples: number[] = [];
  for (let i = 0; i < 50; i++) {
    const id = percentIds[i % percentIds.length]!;
    // Alternately far behind and on the target: each reading changes the indicator's status.
    const value = i % 2 === 0 ? 1 : 100;
    await app.readings.record({ kind: 'user', userId: 1, username: 'admin', displayName: 'admin', role: 'admin', unitIds: [] }, id, { date: '2029-12-31', value }, undefined);
    nextMinute();
    const started = performance.now();
    await app.notifications.check();
    samples.push(performance.now() - started);
  }
  rows.push(summary('minute check after a reading (one indicator recomputed)', samples));
}
printTable(rows);
await app.mail.sendDue();
console.log(`messages received by the SMTP server: ${smtp.received.length}`);
await app.close();
await smtp.close();
await temp.remove();
