import type { Account, CreateUserRequest, UpdateAccountRequest, UpdateUserRequest, User } from '../../shared/api/users';
import type { Role } from '../../shared/api/session';
import { actorOf, type AuditService } from '../audit/audit.service';
import type { AuthRepository } from '../auth/auth.repository';
import type { LoginThrottle } from '../auth/login-throttle';
import type { SessionEnds } from '../auth/session-ends';
import { checkPasswordChoice } from '../auth/password-policy';
import { hashPassword } from '../auth/passwords';
import { isAdmin, type Principal } from '../auth/principal';
import type { Clock } from '../clock';
import { AppError } from '../http/errors';
import type { UserRecord, UsersRepository } from './users.repository';

function toUser(row: UserRecord): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as Role,
    unitIds: row.unitIds,
    disabled: row.disabledAt !== null,
    createdAt: new Date(row.createdAt).toISOString(),
    email: row.email,
    receivesReminders: row.receivesReminders,
  };
}

/** Users, roles and units assigned: admins only. Every change is audited with before and after. */
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly auth: AuthRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly sessionEnds?: SessionEnds,
    private readonly loginThrottle?: LoginThrottle,
  ) {}

  authorize(principal: Principal): void {
    if (!isAdmin(principal)) throw new AppError('forbidden', 'only an admin manages users');
  }

  async list(principal: Principal): Promise<User[]> {
    this.authorize(principal);
    return (await this.users.list()).map(toUser);
  }

  async create(principal: Principal, input: CreateUserRequest, ip: string): Promise<User> {
    this.authorize(principal);
    checkPasswordChoice(input.password, 'password', input.username);
    // Hashed before the transaction (it holds the write lock); the checks run inside it, so that
    // they still hold when it commits, whatever another node does meanwhile.
    const passwordHash = await hashPassword(input.password);
    return this.users.transaction(async () => {
      await this.checkUnits(input.unitIds);
      if (await this.users.usernameTaken(input.username)) {
        throw new AppError('conflict', `the user name ${input.username} is taken`, { username: 'taken' });
      }
      const id = await this.auth.createUser({ ...input, passwordHash, now: this.clock.now() });
      const created = toUser((await this.users.find(id))!);
      await this.audit.record(actorOf(principal, ip), { action: 'user.created', entity: 'user', entityId: id, after: created });
      return created;
    });
  }

  async update(principal: Principal, id: number, patch: UpdateUserRequest, ip: string): Promise<User> {
    this.authorize(principal);
    let sessionsEnded = false;
    const updated = await this.users.transaction(async () => {
      if (patch.unitIds) await this.checkUnits(patch.unitIds);
      if (principal.kind === 'user' && principal.userId === id && (patch.disabled === true || (patch.role && patch.role !== 'admin'))) {
        // Someone must stay able to manage users: an admin cannot disable or demote themself.
        throw new AppError('conflict', 'you cannot disable yourself or take away your own admin role');
      }
      const before = await this.users.find(id);
      if (!before) throw new AppError('not_found', `user ${id} not found`);
      await this.users.update(id, {
        displayName: patch.displayName,
        role: patch.role,
        disabledAt: patch.disabled === undefined ? undefined : patch.disabled ? (before.disabledAt ?? this.clock.now()) : null,
        email: patch.email,
        receivesReminders: patch.receivesReminders,
      });
      if (patch.unitIds) await this.users.setUnits(id, patch.unitIds);
      // Rights changed or the account closed: sessions opened under the old rights end.
      sessionsEnded = patch.disabled === true || (patch.role !== undefined && patch.role !== before.role);
      if (sessionsEnded) await this.auth.deleteSessionsOf(id);
      const after = toUser((await this.users.find(id))!);
      await this.audit.record(actorOf(principal, ip), { action: 'user.updated', entity: 'user', entityId: id, before: toUser(before), after });
      return after;
    });
    if (sessionsEnded) this.sessionEnds?.ended({ userId: id });
    return updated;
  }

  /** A signed-in user's own email and reminder choice (/account). */
  async account(principal: Principal): Promise<Account> {
    const user = await this.users.find(this.ownId(principal));
    if (!user) throw new AppError('unauthenticated', 'the user no longer exists');
    return { email: user.email, receivesReminders: user.receivesReminders };
  }

  /** A user sets their own email or opts in or out of reminders; audited as any user change. */
  async updateAccount(principal: Principal, patch: UpdateAccountRequest, ip: string): Promise<Account> {
    const id = this.ownId(principal);
    return this.users.transaction(async () => {
      const before = await this.users.find(id);
      if (!before) throw new AppError('unauthenticated', 'the user no longer exists');
      await this.users.update(id, { email: patch.email, receivesReminders: patch.receivesReminders });
      const after = (await this.users.find(id))!;
      await this.audit.record(actorOf(principal, ip), { action: 'user.updated', entity: 'user', entityId: id, before: toUser(before), after: toUser(after) });
      return { email: after.email, receivesReminders: after.receivesReminders };
    });
  }

  private ownId(principal: Principal): number {
    if (principal.kind !== 'user') throw new AppError('forbidden', 'only a user has an account');
    return principal.userId;
  }

  async resetPassword(principal: Principal, id: number, password: string, ip: string): Promise<void> {
    this.authorize(principal);
    const user = await this.users.find(id);
    if (!user) throw new AppError('not_found', `user ${id} not found`);
    checkPasswordChoice(password, 'password', user.username);
    const passwordHash = await hashPassword(password);
    await this.users.transaction(async () => {
      await this.auth.setPasswordHash(id, passwordHash);
      await this.auth.deleteSessionsOf(id);
      await this.audit.record(actorOf(principal, ip), { action: 'user.password_reset', entity: 'user', entityId: id });
    });
    this.sessionEnds?.ended({ userId: id });
    // The account's delays end with the new password (a guesser's address keeps its own).
    await this.loginThrottle?.cleared(user.username);
  }

  private async checkUnits(unitIds: readonly number[]): Promise<void> {
    const unknown = await this.users.unknownUnits(unitIds);
    if (unknown.length > 0) throw new AppError('validation_failed', `unknown units: ${unknown.join(', ')}`, { unitIds: 'not_found' });
  }
}
