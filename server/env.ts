import { resolve } from 'node:path';
import { z } from 'zod';
import { isTimeZone } from '../shared/time/dates';
import { isValidSchedule, scheduleProblem } from './exports/schedule';
import { isMailbox, isSmtpUrl } from './mail/smtp-url';

const booleanText = z
  .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1');

const PORT_RULE = 'must be a port number 0–65535';

const envSchema = z.object({
  PORT: z.coerce.number({ error: PORT_RULE }).int(PORT_RULE).min(0, PORT_RULE).max(65_535, PORT_RULE).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data').transform((dir) => resolve(dir)),
  ADMIN_USERNAME: z.string().trim().min(1).max(100).default('admin'),
  ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').max(200).optional(),
  SEED_DEMO: booleanText.default(true),
  TZ_BOARD: z.string().refine(isTimeZone, 'must be an IANA time zone such as Asia/Ho_Chi_Minh').default('Asia/Ho_Chi_Minh'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'must be one of fatal, error, warn, info, debug, trace, silent' })
    .default('info'),
  /**
   * Addresses of reverse proxies whose X-Forwarded-For and -Proto are believed (comma-separated
   * IPs or CIDRs). The client address decides login rate limits and the audit log's "from where".
   */
  TRUST_PROXY: z
    .string()
    .default('127.0.0.1,::1')
    .transform((list) => list.split(',').map((entry) => entry.trim()).filter(Boolean)),
  /** When the weekly export runs: a cron expression in EXPORT_TIME_ZONE (default Monday 07:00). */
  EXPORT_CRON: z.string().trim().min(1).default('0 7 * * 1'),
  EXPORT_TIME_ZONE: z.string().refine(isTimeZone, 'must be an IANA time zone such as Asia/Ho_Chi_Minh').optional(),
  EXPORT_RETENTION_WEEKS: z.coerce.number({ error: 'must be a whole number of weeks, at least 1' }).int('must be a whole number of weeks, at least 1').min(1, 'must be a whole number of weeks, at least 1').max(5200).default(104),
  /** When the online backup runs (cron, in TZ_BOARD) into DATA_DIR/backups; `off` for never. Default: nightly on SQLite, off on PostgreSQL. */
  BACKUP_CRON: z.string().trim().min(1).optional(),
  /** How many backups in DATA_DIR/backups the schedule keeps (the newest). */
  BACKUP_KEEP: z.coerce.number({ error: 'must be a whole number, at least 1' }).int('must be a whole number, at least 1').min(1, 'must be a whole number, at least 1').max(10_000).default(14),
  /** PostgreSQL instead of the SQLite file in DATA_DIR (several app nodes share one database). */
  DATABASE_URL: z
    .string()
    .refine((url) => /^postgres(ql)?:\/\/./.test(url) && URL.canParse(url), 'must be a postgres:// URL such as postgres://termboard:secret@db.internal:5432/termboard')
    .optional(),
  /** Redis for several app nodes: broadcasts between them and shared rate limits. */
  REDIS_URL: z
    .string()
    .refine((url) => /^rediss?:\/\/./.test(url) && URL.canParse(url), 'must be a redis:// URL such as redis://cache.internal:6379')
    .optional(),
  /** This node's name in /api/health, to tell nodes apart behind a load balancer (unset: not shown). */
  NODE_NAME: z.string().trim().min(1).max(100).optional(),
  /** Base URL the screens are reached at, for display links; defaults to the request's own host. */
  PUBLIC_URL: z.url({ error: 'must be an absolute URL such as https://board.example.gov.vn' }).optional(),
  /** The SMTP server mail goes out through; unset: nothing is mailed (the settings page says so). */
  SMTP_URL: z
    .string()
    .refine(isSmtpUrl, 'must be an smtp:// or smtps:// URL such as smtps://user:secret@mail.example.gov.vn:465')
    .optional(),
  /** The sender of every message: an address, or a name and an address ("Văn phòng <bao-cao@example.gov.vn>"). */
  MAIL_FROM: z.string().trim().refine(isMailbox, 'must be an email address, or a name and an address such as "Văn phòng <bao-cao@example.gov.vn>"').optional(),
});

export type Env = z.infer<typeof envSchema>;

/** Variables whose value may hold a password: an error names them without printing it. */
const SECRET = new Set(['ADMIN_PASSWORD', 'DATABASE_URL', 'REDIS_URL', 'SMTP_URL']);

export class InvalidEnvError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

/** Parses the configuration; throws InvalidEnvError with one line per bad variable. */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  // An empty variable means "not set", as most process managers write it.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const result = envSchema.safeParse(present);
  if (result.success) {
    const timeZone = result.data.EXPORT_TIME_ZONE ?? result.data.TZ_BOARD;
    const lines: string[] = [];
    if (!isValidSchedule(result.data.EXPORT_CRON, timeZone)) {
      lines.push(`Invalid configuration: EXPORT_CRON=${JSON.stringify(result.data.EXPORT_CRON)} must be a cron expression that runs at most once an hour, such as "0 7 * * 1"`);
    }
    if (result.data.SMTP_URL !== undefined && result.data.MAIL_FROM === undefined) {
      lines.push('Invalid configuration: MAIL_FROM="" must be set when SMTP_URL is (the sender of the weekly report), such as "bao-cao@example.gov.vn"');
    }
    const backupCron = result.data.BACKUP_CRON;
    if (backupCron !== undefined && backupCron !== 'off' && scheduleProblem(backupCron, result.data.TZ_BOARD) === 'invalid') {
      lines.push(`Invalid configuration: BACKUP_CRON=${JSON.stringify(backupCron)} must be a cron expression such as "30 2 * * *", or off`);
    }
    if (lines.length === 0) return result.data;
    throw new InvalidEnvError(lines);
  }
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    const shown = SECRET.has(name) ? '(hidden)' : JSON.stringify(source[name] ?? '');
    return `Invalid configuration: ${name}=${shown} ${issue.message}`;
  });
  throw new InvalidEnvError(lines);
}
