import { Cron } from 'croner';
import type { FastifyBaseLogger } from 'fastify';
import { join } from 'node:path';
import { databaseFile } from '../client';
import type { Database } from '../database';
import type { Env } from '../../env';
import { backUp, pruneBackups, type DatabaseLocation } from './backup';

/** SQLite's default: every night at 02:30 (TZ_BOARD). PostgreSQL: only when BACKUP_CRON is set. */
export const DEFAULT_BACKUP_CRON = '30 2 * * *';

/**
 * Online backups on a schedule (BACKUP_CRON, in TZ_BOARD) into DATA_DIR/backups, keeping the
 * newest BACKUP_KEEP. A failed backup is logged and the schedule carries on.
 */
export function startBackupSchedule(db: Database, env: Env, log: FastifyBaseLogger): { stop(): Promise<void> } {
  const cron = env.BACKUP_CRON ?? (db.dialect === 'sqlite' ? DEFAULT_BACKUP_CRON : 'off');
  if (cron === 'off') return { stop: async () => undefined };
  const location: DatabaseLocation = env.DATABASE_URL ? { url: env.DATABASE_URL } : { file: databaseFile(env.DATA_DIR) };
  const folder = join(env.DATA_DIR, 'backups');
  let running: Promise<void> = Promise.resolve();
  const job = new Cron(cron, { timezone: env.TZ_BOARD, protect: true }, () => {
    running = (async () => {
      try {
        const file = await backUp(location, folder);
        const removed = pruneBackups(folder, env.BACKUP_KEEP);
        log.info({ file, removed }, 'backup written');
      } catch (error) {
        log.error({ err: error }, 'the scheduled backup failed');
      }
    })();
    return running;
  });
  return {
    async stop() {
      job.stop();
      await running;
    },
  };
}
