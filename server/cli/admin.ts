// `npm run admin -- reset-password <user>` / `npm run admin -- create-admin <user>`: for the
// person at the server's console, with or without termboard running (README, docs/deployment.md).
// Prints the new password once.
import { existsSync } from 'node:fs';
import { AuditRepository } from '../audit/audit.repository';
import { AuditService } from '../audit/audit.service';
import { AuthRepository } from '../auth/auth.repository';
import { systemClock } from '../clock';
import { databaseFile, openDatabase } from '../db/client';
import { InvalidEnvError, parseEnv } from '../env';
import { ConsoleAdminService, ConsoleRefused } from '../users/console-admin.service';
import { UsersRepository } from '../users/users.repository';

const USAGE = 'usage: npm run admin -- reset-password <user name>\n       npm run admin -- create-admin <user name>';

const [command, username, ...rest] = process.argv.slice(2);
if ((command !== 'reset-password' && command !== 'create-admin') || !username || rest.length > 0) {
  console.error(USAGE);
  process.exit(2);
}

try {
  const env = parseEnv(process.env);
  // Never create a database here: a wrong DATA_DIR would otherwise get a new, empty one.
  if (!env.DATABASE_URL && !existsSync(databaseFile(env.DATA_DIR))) throw new ConsoleRefused(`no database at ${databaseFile(env.DATA_DIR)} (DATA_DIR): start termboard once first`);
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    const auth = new AuthRepository(db);
    const service = new ConsoleAdminService(new UsersRepository(db), auth, new AuditService(new AuditRepository(db), systemClock), systemClock);
    if (command === 'reset-password') {
      const password = await service.resetPassword(username);
      console.log(`New password for ${username}: ${password}  (shown only this once; their sessions have ended)`);
    } else {
      const password = await service.createAdmin(username);
      console.log(`Admin ${username.toLowerCase()} created. Password: ${password}  (shown only this once; change it after signing in)`);
    }
  } finally {
    await db.close();
  }
} catch (error) {
  const message = error instanceof InvalidEnvError ? error.lines.join('\n') : error instanceof ConsoleRefused ? `admin: ${error.message}` : `admin failed: ${(error as Error).message}`;
  console.error(message);
  process.exit(1);
}
