// `npm run restore -- <backup file>`: checks the backup, then puts it in place of the database
// (docs/deployment.md). SQLite: termboard must be stopped; the replaced file is kept beside it.
// PostgreSQL: into the empty database DATABASE_URL names.
import { resolve } from 'node:path';
import { restorePostgres, restoreSqlite, RestoreRefused } from '../db/backups/restore';
import { databaseFile } from '../db/client';
import { InvalidEnvError, parseEnv } from '../env';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: npm run restore -- <backup file>   (a file from DATA_DIR/backups or `npm run backup`)');
  process.exit(2);
}
try {
  const env = parseEnv(process.env);
  const backup = resolve(file);
  if (env.DATABASE_URL) {
    await restorePostgres(backup, env.DATABASE_URL);
    console.log(`restored ${backup} into the PostgreSQL database; start termboard`);
  } else {
    const target = databaseFile(env.DATA_DIR);
    const kept = restoreSqlite(backup, target);
    console.log(`restored ${backup} as ${target}${kept ? `; the database it replaced is kept as ${kept}` : ''}; start termboard`);
  }
} catch (error) {
  const message = error instanceof InvalidEnvError ? error.lines.join('\n') : error instanceof RestoreRefused ? `restore refused: ${error.message}` : `restore failed: ${(error as Error).message}`;
  console.error(message);
  process.exit(1);
}
