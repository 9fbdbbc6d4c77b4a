import { and, count, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { accessTokens, sessions, userUnits, users } from '../db/schema';

export type UserRow = typeof users.$inferSelect;
export type AccessTokenRow = typeof accessTokens.$inferSelect;

function preparedStatements(db: Db) {
  return {
    userByName: db.select().from(users).where(eq(users.username, sql.placeholder('username'))).prepare(),
    liveSession: db
      .select({ userId: sessions.userId, expiresAt: sessions.expiresAt, lastSeenAt: sessions.lastSeenAt })
      .from(sessions)
      .where(and(eq(sessions.id, sql.placeholder('id')), gt(sessions.expiresAt, sql.placeholder('now'))))
      .prepare(),
    liveToken: db
      .select()
      .from(accessTokens)
      .where(and(eq(accessTokens.tokenHash, sql.placeholder('hash')), isNull(accessTokens.revokedAt)))
      .prepare(),
    unitIdsOf: db.select({ unitId: userUnits.unitId }).from(userUnits).where(eq(userUnits.userId, sql.placeholder('userId'))).prepare(),
  };
}

/** Users, sessions and access tokens. */
export class AuthRepository {
  private readonly statements: ReturnType<typeof preparedStatements>;

  constructor(private readonly db: Db) {
    this.statements = preparedStatements(db);
  }

  findUserByUsername(username: string): UserRow | undefined {
    return this.statements.userByName.get({ username: username.toLowerCase() });
  }

  findUserById(id: number): UserRow | undefined {
    return this.db.select().from(users).where(eq(users.id, id)).get();
  }

  unitIdsOf(userId: number): number[] {
    return this.statements.unitIdsOf.all({ userId }).map((row) => row.unitId);
  }

  countUsers(): number {
    return this.db.select({ n: count() }).from(users).get()!.n;
  }

  createUser(input: { username: string; displayName: string; passwordHash: string; role: string; unitIds?: number[]; now: number }): number {
    return this.db.transaction((tx) => {
      const { id } = tx
        .insert(users)
        .values({
          username: input.username.toLowerCase(),
          displayName: input.displayName,
          passwordHash: input.passwordHash,
          role: input.role,
          createdAt: input.now,
        })
        .returning({ id: users.id })
        .get();
      for (const unitId of input.unitIds ?? []) tx.insert(userUnits).values({ userId: id, unitId }).run();
      return id;
    });
  }

  createSession(id: string, userId: number, now: number, expiresAt: number): void {
    this.db.insert(sessions).values({ id, userId, createdAt: now, expiresAt, lastSeenAt: now }).run();
  }

  findLiveSession(id: string, now: number): { userId: number; expiresAt: number; lastSeenAt: number } | undefined {
    return this.statements.liveSession.get({ id, now });
  }

  touchSession(id: string, now: number): void {
    this.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id)).run();
  }

  /** Ends every session of a user (a new password, a disabled account). */
  deleteSessionsOf(userId: number): void {
    this.db.delete(sessions).where(eq(sessions.userId, userId)).run();
  }

  setPasswordHash(userId: number, passwordHash: string): void {
    this.db.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
  }

  deleteSession(id: string): void {
    this.db.delete(sessions).where(eq(sessions.id, id)).run();
  }

  deleteExpiredSessions(now: number): void {
    this.db.delete(sessions).where(lt(sessions.expiresAt, now)).run();
  }

  findLiveToken(hash: string): AccessTokenRow | undefined {
    return this.statements.liveToken.get({ hash });
  }

  revokeToken(id: number, now: number): void {
    this.db.update(accessTokens).set({ revokedAt: now }).where(and(eq(accessTokens.id, id), isNull(accessTokens.revokedAt))).run();
  }

  createToken(input: { kind: 'display' | 'api' | 'export'; name: string; tokenHash: string; scopes?: string; createdByUserId: number | null; now: number }): number {
    return this.db
      .insert(accessTokens)
      .values({
        kind: input.kind,
        name: input.name,
        tokenHash: input.tokenHash,
        ...(input.scopes ? { scopes: input.scopes } : {}),
        createdByUserId: input.createdByUserId,
        createdAt: input.now,
      })
      .returning({ id: accessTokens.id })
      .get().id;
  }
}
