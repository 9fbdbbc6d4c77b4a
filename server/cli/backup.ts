// `npm run backup [folder]`: a consistent copy of the database while termboard runs, into
// DATA_DIR/backups by default (docs/deployment.md). Prints the file's path.
import { join, resolve } from 'node:path';
import { backUp } from '../db/backups/backup';
import { databaseFile } from '../db/client';
import { InvalidEnvError, parseEnv } from '../env';

try {
  const env = parseEnv(process.env);
  const folder = resolve(process.argv[2] ?? join(env.DATA_DIR, 'backups'));
  console.log(await backUp(env.DATABASE_URL ? { url: env.DATABASE_URL } : { file: databaseFile(env.DATA_DIR) }, folder));
} catch (error) {
  console.error(error instanceof InvalidEnvError ? error.lines.join('\n') : `backup failed: ${(error as Error).message}`);
  process.exit(1);
}
