import { ROLES, type Role, type SessionUser } from '../../shared/api/session';
import type { AuditService } from '../audit/audit.service';
import type { Clock } from '../clock';
import { AppError } from '../http/errors';
import type { AccessTokenRow, AuthRepository, UserRow } from './auth.repository';
import { checkPasswordChoice } from './password-policy';
import { generatePassword, hashPassword, verifyPassword } from './passwords';
import type { Principal } from './principal';
import type { LoginThrottle } from './login-throttle';
import type { SessionEnds } from './session-ends';
import { hashSecret, newSecret } from './tokens';

export const SESSION_COOKIE = 'termboard_session';
/** A session lasts a working day at most, and ends sooner after two hours without a request. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** How long the token an export's browser reads the board with is valid: far longer than a render. */
export const EXPORT_TOKEN_TTL_MS = 60 * 60 * 1000;

// Verified against when the user name is unknown, so that a wrong name costs as long as a wrong password.
const UNKNOWN_USER_HASH = await hashPassword(generatePassword());

export interface Credentials {
  sessionToken?: string | undefined;
  bearerToken?: string | undefined;
}

export class AuthService {
  constructor(
    private readonly repository: AuthRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly throttle: LoginThrottle,
    private readonly sessionEnds?: SessionEnds,
  ) {}

  /**
   * Checks the password and opens a new session (a new token at every login: no fixation); the
   * returned token goes into the cookie. An address, or an account tried from an address it does
   * not know, in its delay after failures: 429 (login-throttle.ts).
   */
  async login(username: string, password: string, ip: string): Promise<{ token: string; user: SessionUser; expiresAt: number }> {
    const name = username.toLowerCase();
    const attempt = await this.throttle.begin(name, ip);
    const user = await this.repository.findUserByUsername(name);
    const valid = await verifyPassword(user?.passwordHash ?? UNKNOWN_USER_HASH, password);
    if (!user || !valid || user.disabledAt !== null) {
      await this.throttle.failed(attempt, user?.id ?? null);
      throw new AppError('invalid_credentials', 'wrong user name or password');
    }
    await this.throttle.succeeded(attempt);
    const opened = await this.repository.transaction(async () => {
      const session = await this.openSession(user.id);
      await this.audit.record({ kind: 'user', id: user.id, name: user.username, ip }, { action: 'session.login', entity: 'user', entityId: user.id });
      return session;
    });
    return { ...opened, user: await this.sessionUser(user) };
  }

  /** Changes one's own password: every other session ends, and this one gets a new token. */
  async changePassword(userId: number, currentPassword: string, newPassword: string, ip: string): Promise<{ token: string; expiresAt: number }> {
    const user = await this.repository.findUserById(userId);
    if (!user) throw new AppError('unauthenticated', 'sign in again');
    // The same delays as a sign-in: a stolen session must not become a fast password oracle.
    const attempt = await this.throttle.begin(user.username, ip);
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      await this.throttle.failed(attempt, user.id);
      throw new AppError('invalid_credentials', 'the current password is wrong');
    }
    await this.throttle.succeeded(attempt);
    checkPasswordChoice(newPassword, 'newPassword', user.username);
    // Hashed before the transaction: it holds the write lock, and hashing takes a while.
    const passwordHash = await hashPassword(newPassword);
    const opened = await this.repository.transaction(async () => {
      await this.repository.setPasswordHash(user.id, passwordHash);
      await this.repository.deleteSessionsOf(user.id);
      await this.audit.record({ kind: 'user', id: user.id, name: user.username, ip }, { action: 'user.password_changed', entity: 'user', entityId: user.id });
      return this.openSession(user.id);
    });
    // The new session's cookie has not reached anyone yet: every socket of the user is of an old one.
    this.sessionEnds?.ended({ userId: user.id });
    return opened;
  }

  private async openSession(userId: number): Promise<{ token: string; expiresAt: number }> {
    const now = this.clock.now();
    const token = newSecret('tbs');
    const expiresAt = now + SESSION_TTL_MS;
    await this.repository.deleteExpiredSessions(now);
    await this.repository.createSession(hashSecret(token), userId, now, expiresAt);
    return { token, expiresAt };
  }

  async logout(token: string): Promise<void> {
    const sessionId = hashSecret(token);
    await this.repository.deleteSession(sessionId);
    this.sessionEnds?.ended({ sessionId });
  }

  /** When a live session ends unless used again (its expiry, or its idle limit); null when it is not live. */
  async sessionDeadline(sessionToken: string): Promise<number | null> {
    const now = this.clock.now();
    const session = await this.repository.findLiveSession(hashSecret(sessionToken), now);
    if (!session || now - session.lastSeenAt > SESSION_IDLE_MS) return null;
    return Math.min(session.expiresAt, session.lastSeenAt + SESSION_IDLE_MS);
  }

  /**
   * Who the credentials belong to; null when they are missing, unknown, expired or revoked.
   * HTTP requests (http/plumbing) and the socket handshake (realtime) both ask here.
   */
  async authenticate(credentials: Credentials): Promise<Principal | null> {
    if (credentials.bearerToken) {
      const row = await this.repository.findLiveToken(hashSecret(credentials.bearerToken));
      // An export's page token outlives its render only when the node died mid-export (kill -9).
      if (row?.kind === 'export' && row.createdAt + EXPORT_TOKEN_TTL_MS <= this.clock.now()) return null;
      return this.tokenPrincipal(row);
    }
    if (!credentials.sessionToken) return null;
    const sessionId = hashSecret(credentials.sessionToken);
    const now = this.clock.now();
    const session = await this.repository.findLiveSessionUser(sessionId, now);
    if (!session || now - session.lastSeenAt > SESSION_IDLE_MS || session.user.disabledAt !== null) return null;
    // Written at most once a minute: a session is touched by every request of a busy page.
    if (now - session.lastSeenAt > 60_000) await this.repository.touchSession(sessionId, now);
    const { id, username, displayName, role } = session.user;
    return { kind: 'user', userId: id, username, displayName, role: toRole(role), unitIds: session.unitIds };
  }

  async sessionUser(user: UserRow): Promise<SessionUser> {
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: toRole(user.role),
      unitIds: await this.repository.unitIdsOf(user.id),
    };
  }

  /**
   * Creates the first admin when there are no users; returns the generated password, if any.
   * Counted again inside the transaction: another node may be starting at the same time.
   */
  async ensureFirstAdmin(username: string, password: string | undefined): Promise<{ created: boolean; generatedPassword?: string }> {
    if ((await this.repository.countUsers()) > 0) return { created: false };
    const chosen = password ?? generatePassword();
    const passwordHash = await hashPassword(chosen);
    const created = await this.repository.transaction(async () => {
      if ((await this.repository.countUsers()) > 0) return false;
      await this.repository.createUser({ username, displayName: username, passwordHash, role: 'admin', now: this.clock.now() });
      return true;
    });
    if (!created) return { created: false };
    return password ? { created: true } : { created: true, generatedPassword: chosen };
  }

  private tokenPrincipal(row: AccessTokenRow | undefined): Principal | null {
    if (!row) return null;
    // Screens and the export's own renderer read, never write.
    if (row.kind === 'display' || row.kind === 'export') return { kind: 'display', tokenId: row.id, name: row.name };
    const scopes = JSON.parse(row.scopes) as { unitIds?: number[]; indicatorIds?: number[] };
    return { kind: 'api', tokenId: row.id, name: row.name, unitIds: scopes.unitIds ?? [], indicatorIds: scopes.indicatorIds ?? [] };
  }
}

function toRole(role: string): Role {
  return (ROLES as readonly string[]).includes(role) ? (role as Role) : 'viewer';
}
