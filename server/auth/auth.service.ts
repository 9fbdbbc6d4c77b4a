import { ROLES, type Role, type SessionUser } from '../../shared/api/session';
import type { Clock } from '../clock';
import { AppError } from '../http/errors';
import type { AccessTokenRow, AuthRepository, UserRow } from './auth.repository';
import { generatePassword, hashPassword, verifyPassword } from './passwords';
import type { Principal } from './principal';
import { hashSecret, newSecret } from './tokens';

export const SESSION_COOKIE = 'termboard_session';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

// Verified against when the user name is unknown, so that a wrong name costs as long as a wrong password.
const UNKNOWN_USER_HASH = await hashPassword(generatePassword());

export interface Credentials {
  sessionToken?: string | undefined;
  bearerToken?: string | undefined;
}

export class AuthService {
  constructor(
    private readonly repository: AuthRepository,
    private readonly clock: Clock,
  ) {}

  /** Checks the password and opens a session; the returned token goes into the cookie. */
  async login(username: string, password: string): Promise<{ token: string; user: SessionUser; expiresAt: number }> {
    const user = this.repository.findUserByUsername(username);
    const valid = await verifyPassword(user?.passwordHash ?? UNKNOWN_USER_HASH, password);
    if (!user || !valid || user.disabledAt !== null) {
      throw new AppError('invalid_credentials', 'wrong user name or password');
    }
    const now = this.clock.now();
    const token = newSecret('tbs');
    const expiresAt = now + SESSION_TTL_MS;
    this.repository.deleteExpiredSessions(now);
    this.repository.createSession(hashSecret(token), user.id, now, expiresAt);
    return { token, user: this.sessionUser(user), expiresAt };
  }

  logout(token: string): void {
    this.repository.deleteSession(hashSecret(token));
  }

  /** Who the credentials belong to; null when they are missing, unknown, expired or revoked. */
  authenticate(credentials: Credentials): Principal | null {
    if (credentials.bearerToken) return this.tokenPrincipal(this.repository.findLiveToken(hashSecret(credentials.bearerToken)));
    if (!credentials.sessionToken) return null;
    const session = this.repository.findLiveSession(hashSecret(credentials.sessionToken), this.clock.now());
    if (!session) return null;
    const user = this.repository.findUserById(session.userId);
    if (!user || user.disabledAt !== null) return null;
    const { id, username, displayName, role, unitIds } = this.sessionUser(user);
    return { kind: 'user', userId: id, username, displayName, role, unitIds };
  }

  sessionUser(user: UserRow): SessionUser {
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: toRole(user.role),
      unitIds: this.repository.unitIdsOf(user.id),
    };
  }

  /** Creates the first admin when there are no users; returns the generated password, if any. */
  async ensureFirstAdmin(username: string, password: string | undefined): Promise<{ created: boolean; generatedPassword?: string }> {
    if (this.repository.countUsers() > 0) return { created: false };
    const chosen = password ?? generatePassword();
    this.repository.createUser({
      username,
      displayName: username,
      passwordHash: await hashPassword(chosen),
      role: 'admin',
      now: this.clock.now(),
    });
    return password ? { created: true } : { created: true, generatedPassword: chosen };
  }

  private tokenPrincipal(row: AccessTokenRow | undefined): Principal | null {
    if (!row) return null;
    if (row.kind === 'display') return { kind: 'display', tokenId: row.id, name: row.name };
    const scopes = JSON.parse(row.scopes) as { unitIds?: number[]; indicatorIds?: number[] };
    return { kind: 'api', tokenId: row.id, name: row.name, unitIds: scopes.unitIds ?? [], indicatorIds: scopes.indicatorIds ?? [] };
  }
}

function toRole(role: string): Role {
  return (ROLES as readonly string[]).includes(role) ? (role as Role) : 'viewer';
}
