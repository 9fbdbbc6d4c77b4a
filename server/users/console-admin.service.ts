import { usernameSchema } from '../../shared/api/users';
import type { AuditService } from '../audit/audit.service';
import type { AuthRepository } from '../auth/auth.repository';
import { generatePassword, hashPassword } from '../auth/passwords';
import type { Clock } from '../clock';
import type { UsersRepository } from './users.repository';

/** Who the audit log names for what the person at the server's console does. */
const CONSOLE = { kind: 'system', id: null, name: 'console', ip: 'console' } as const;

/** Refused by the console commands: the message is shown as is. */
export class ConsoleRefused extends Error {}

/**
 * What the person at the server's console may do without signing in (`npm run admin`): recover
 * a lost admin password, or add an admin. Each prints a new random password once; each is audited.
 */
export class ConsoleAdminService {
  constructor(
    private readonly users: UsersRepository,
    private readonly auth: AuthRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** A new password for the user; every session of theirs ends. Returns the password. */
  async resetPassword(username: string): Promise<string> {
    const user = await this.auth.findUserByUsername(username.toLowerCase());
    if (!user) throw new ConsoleRefused(`there is no user ${username}`);
    const password = generatePassword();
    const passwordHash = await hashPassword(password);
    await this.users.transaction(async () => {
      await this.auth.setPasswordHash(user.id, passwordHash);
      await this.auth.deleteSessionsOf(user.id);
      await this.audit.record(CONSOLE, { action: 'user.password_reset', entity: 'user', entityId: user.id });
    });
    return password;
  }

  /** A new admin with a random password; refused when the name is taken. Returns the password. */
  async createAdmin(username: string): Promise<string> {
    const name = usernameSchema.safeParse(username);
    if (!name.success) throw new ConsoleRefused(`${JSON.stringify(username)} is not a valid user name: ${name.error.issues[0]?.message ?? ''}`);
    const password = generatePassword();
    const passwordHash = await hashPassword(password);
    await this.users.transaction(async () => {
      if (await this.users.usernameTaken(name.data)) throw new ConsoleRefused(`the user name ${name.data} is taken (reset its password with reset-password)`);
      const id = await this.auth.createUser({ username: name.data, displayName: name.data, passwordHash, role: 'admin', now: this.clock.now() });
      await this.audit.record(CONSOLE, { action: 'user.created', entity: 'user', entityId: id, after: { username: name.data, role: 'admin' } });
    });
    return password;
  }
}
