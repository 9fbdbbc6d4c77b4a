import type { CreateUserRequest, UpdateUserRequest, User } from '../../shared/api/users';
import type { Role } from '../../shared/api/session';
import { actorOf, type AuditService } from '../audit/audit.service';
import type { AuthRepository } from '../auth/auth.repository';
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
  };
}

/** Users, roles and units assigned: admins only. Every change is audited with before and after. */
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly auth: AuthRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  authorize(principal: Principal): void {
    if (!isAdmin(principal)) throw new AppError('forbidden', 'only an admin manages users');
  }

  list(principal: Principal): User[] {
    this.authorize(principal);
    return this.users.list().map(toUser);
  }

  async create(principal: Principal, input: CreateUserRequest, ip: string): Promise<User> {
    this.authorize(principal);
    this.checkUnits(input.unitIds);
    if (this.users.usernameTaken(input.username)) {
      throw new AppError('conflict', `the user name ${input.username} is taken`, { username: 'taken' });
    }
    const passwordHash = await hashPassword(input.password);
    return this.users.transaction(() => {
      const id = this.auth.createUser({ ...input, passwordHash, now: this.clock.now() });
      const created = toUser(this.users.find(id)!);
      this.audit.record(actorOf(principal, ip), { action: 'user.created', entity: 'user', entityId: id, after: created });
      return created;
    });
  }

  update(principal: Principal, id: number, patch: UpdateUserRequest, ip: string): User {
    this.authorize(principal);
    if (patch.unitIds) this.checkUnits(patch.unitIds);
    if (principal.kind === 'user' && principal.userId === id && (patch.disabled === true || (patch.role && patch.role !== 'admin'))) {
      // Someone must stay able to manage users: an admin cannot disable or demote themself.
      throw new AppError('conflict', 'you cannot disable yourself or take away your own admin role');
    }
    return this.users.transaction(() => {
      const before = this.users.find(id);
      if (!before) throw new AppError('not_found', `user ${id} not found`);
      this.users.update(id, {
        displayName: patch.displayName,
        role: patch.role,
        disabledAt: patch.disabled === undefined ? undefined : patch.disabled ? (before.disabledAt ?? this.clock.now()) : null,
      });
      if (patch.unitIds) this.users.setUnits(id, patch.unitIds);
      // Rights changed or the account closed: sessions opened under the old rights end.
      if (patch.disabled === true || (patch.role !== undefined && patch.role !== before.role)) this.auth.deleteSessionsOf(id);
      const after = toUser(this.users.find(id)!);
      this.audit.record(actorOf(principal, ip), { action: 'user.updated', entity: 'user', entityId: id, before: toUser(before), after });
      return after;
    });
  }

  async resetPassword(principal: Principal, id: number, password: string, ip: string): Promise<void> {
    this.authorize(principal);
    if (!this.users.find(id)) throw new AppError('not_found', `user ${id} not found`);
    const passwordHash = await hashPassword(password);
    this.users.transaction(() => {
      this.auth.setPasswordHash(id, passwordHash);
      this.auth.deleteSessionsOf(id);
      this.audit.record(actorOf(principal, ip), { action: 'user.password_reset', entity: 'user', entityId: id });
    });
  }

  private checkUnits(unitIds: readonly number[]): void {
    const unknown = this.users.unknownUnits(unitIds);
    if (unknown.length > 0) throw new AppError('validation_failed', `unknown units: ${unknown.join(', ')}`, { unitIds: 'not_found' });
  }
}
