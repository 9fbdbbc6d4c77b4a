import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app';
import { startBackupSchedule } from './db/backups/schedule';
import { systemClock } from './clock';
import { openDatabase, type Database } from './db/client';
import { checkDatabase } from './db/integrity';
import { InvalidEnvError, parseEnv, type Env } from './env';
import { smtpServerOf } from './mail/smtp-url';
import { seedDemo } from './seed/seed';
import { startLine } from './start-line';

/** The project's root: one level above server/ (sources, run by tsx) or two above dist/server (the build). */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

function loadEnv(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (error instanceof InvalidEnvError) {
      for (const line of error.lines) console.error(line);
      process.exit(1);
    }
    throw error;
  }
}

/** The database, opened and checked, or a stop with one line saying which and why (never the password). */
async function open(env: Env): Promise<Database> {
  let db: Database | undefined;
  try {
    db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
    await checkDatabase(db);
    return db;
  } catch (error) {
    await db?.close().catch(() => undefined);
    const where = env.DATABASE_URL ? `PostgreSQL at ${withoutPassword(env.DATABASE_URL)}` : `SQLite file in ${env.DATA_DIR}`;
    console.error(`Cannot open the database (${where}): ${(error as Error).message || String(error)}`);
    process.exit(1);
  }
}

function withoutPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

const env = loadEnv();
const db = await open(env);
const app = await createApp({
  db,
  clock: systemClock,
  timeZone: env.TZ_BOARD,
  clientDir: join(projectRoot(), 'dist', 'client'),
  logLevel: env.LOG_LEVEL,
  publicUrl: env.PUBLIC_URL,
  trustProxy: env.TRUST_PROXY,
  dataDir: env.DATA_DIR,
  exportSchedule: { cron: env.EXPORT_CRON, timeZone: env.EXPORT_TIME_ZONE ?? env.TZ_BOARD, retentionWeeks: env.EXPORT_RETENTION_WEEKS },
  redisUrl: env.REDIS_URL,
  nodeName: env.NODE_NAME,
  ...(env.SMTP_URL && env.MAIL_FROM ? { mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM } } : {}),
});
const log = app.http.log;
if (env.SMTP_URL) log.debug({ smtp: smtpServerOf(env.SMTP_URL), from: env.MAIL_FROM }, 'mail goes out through SMTP');
else log.debug('no SMTP_URL: the weekly report is not mailed');

const admin = await app.auth.ensureFirstAdmin(env.ADMIN_USERNAME, env.ADMIN_PASSWORD);
if (admin.created) log.debug({ username: env.ADMIN_USERNAME }, 'first admin created');
if (env.SEED_DEMO && (await seedDemo(db, systemClock.now(), env.TZ_BOARD))) log.debug('demo term created');

// Fastify logs each listening address at info; the start line below says it once, readably.
const level = log.level;
log.level = 'warn';
await app.http.listen({ port: env.PORT, host: env.HOST }).finally(() => (log.level = level));
// The one line a person at the console reads; the generated password is stored nowhere but as a hash.
console.log(startLine(env, app.http.server.address(), admin.generatedPassword === undefined ? undefined : { username: env.ADMIN_USERNAME, password: admin.generatedPassword }));

// Listening, the server can be asked to stop: from here on, a signal stops it cleanly (a signal
// that came while the schedules start used to end the process before it had a handler).
let stopping = false;
let backups: { stop(): Promise<void> } | undefined;
let housekeeping: NodeJS.Timeout | undefined;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'stopping: no new connections, finishing requests in flight');
  clearInterval(housekeeping);
  // Once close() has let in-flight requests finish, no transaction is open; close() waits for any queued.
  await app.close();
  await backups?.stop();
  await db.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

await app.startSchedule();
if (!stopping) {
  backups = startBackupSchedule(db, env, log);
  housekeeping = setInterval(() => {
    app.readings.forgetOldAnswers().catch((error: unknown) => log.error({ err: error }, 'forgetting old idempotent answers failed'));
  }, 60 * 60 * 1000);
  housekeeping.unref();
}
