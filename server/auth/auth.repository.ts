import { and, count, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { PreparedQuery, type Database } from '../db/database';
import type { accessTokens, users } from '../db/schema';

export type UserRow = typeof users.$inferSelect;
export type AccessTokenRow = typeof accessTokens.$inferSelect;

// Every request signed in with a session runs `liveSessionUser`: prepared, as are the others of sign-in.
const userById = new PreparedQuery((orm, { users }) => orm.select().from(users).where(eq(users.id, sql.placeholder('id'))).limit(1));
const unitsOfUser = new PreparedQuery((orm, { userUnits }) => orm.select({ unitId: userUnits.unitId }).from(userUnits).where(eq(userUnits.userId, sql.placeholder('userId'))));
const liveSession = new PreparedQuery((orm, { sessions }) =>
  orm
    .select({ userId: sessions.userId, expiresAt: sessions.expiresAt, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .where(and(eq(sessions.id, sql.placeholder('id')), gt(sessions.expiresAt, sql.placeholder('now'))))
    .limit(1),
);
/** A live session with its user and the user's units: one row a unit (one with a null unit when none). */
const liveSessionUser = new PreparedQuery((orm, { sessions, users, userUnits }) =>
  orm
    .select({
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      disabledAt: users.disabledAt,
      unitId: userUnits.unitId,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(userUnits, eq(userUnits.userId, users.id))
    .where(and(eq(sessions.id, sql.placeholder('id')), gt(sessions.expiresAt, sql.placeholder('now')))),
);

/** A live session as a request's authentication needs it. */
export interface LiveSessionUser {
  lastSeenAt: number;
  user: Pick<UserRow, 'id' | 'username' | 'displayName' | 'role' | 'disabledAt'>;
  unitIds: number[];
}

/**
 * Users, sessions and access tokens. Every write runs in a transaction: the caller's when there is
 * one (it joins it), else one of its own — other features and the tests call `createUser`,
 * `createToken` and `revokeToken` on their own.
 */
export class AuthRepository {
  constructor(private readonly db: Database) {}

  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async findUserByUsername(username: string): Promise<UserRow | undefined> {
    const { users } = this.db.tables;
    return (await this.db.orm.select().from(users).where(eq(users.username, username.toLowerCase())).limit(1))[0];
  }

  async findUserById(id: number): Promise<UserRow | undefined> {
    return (await this.db.runPrepared(userById, { id }))[0];
  }

  async unitIdsOf(userId: number): Promise<number[]> {
    const rows = await this.db.runPrepared(unitsOfUser, { userId });
    return rows.map((row) => row.unitId);
  }


  async countUsers(): Promise<number> {
    const { users } = this.db.tables;
    return (await this.db.orm.select({ n: count() }).from(users))[0]!.n;
  }

  createUser(input: { username: string; displayName: string; passwordHash: string; role: string; unitIds?: number[]; email?: string | null; now: number }): Promise<number> {
    const { users, userUnits } = this.db.tables;
    return this.db.transaction(async () => {
      const rows = await this.db.orm
        .insert(users)
        .values({
          username: input.username.toLowerCase(),
          displayName: input.displayName,
          passwordHash: input.passwordHash,
          role: input.role,
          email: input.email ?? null,
          createdAt: input.now,
        })
        .returning({ id: users.id });
      const id = rows[0]!.id;
      for (const unitId of input.unitIds ?? []) await this.db.orm.insert(userUnits).values({ userId: id, unitId });
      return id;
    });
  }

  createSession(id: string, userId: number, now: number, expiresAt: number): Promise<void> {
    const { sessions } = this.db.tables;
    return this.db.transaction(async () => {
      await this.db.orm.insert(sessions).values({ id, userId, createdAt: now, expiresAt, lastSeenAt: now });
    });
  }

  async findLiveSession(id: string, now: number): Promise<{ userId: number; expiresAt: number; lastSeenAt: number } | undefined> {
    return (await this.db.runPrepared(liveSession, { id, now }))[0];
  }

  /** The live session `id` with its user and units, in one read (every signed-in request asks). */
  async findLiveSessionUser(id: string, now: number): Promise<LiveSessionUser | undefined> {
    const rows = await this.db.runPrepared(liveSessionUser, { id, now });
    const first = rows[0];
    if (!first) return undefined;
    const { lastSeenAt, userId, username, displayName, role, disabledAt } = first;
    return { lastSeenAt, user: { id: userId, username, displayName, role, disabledAt }, unitIds: rows.flatMap((row) => (row.unitId === null ? [] : [row.unitId])) };
  }

  touchSession(id: string, now: number): Promise<void> {
    const { sessions } = this.db.tables;
    return this.db.transaction(async () => {
      await this.db.orm.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
    });
  }

  /** Ends every session of a user (a new password, a disabled account). */
  deleteSessionsOf(userId: number): Promise<void> {
    const { sessions } = this.db.tables;
    return this.db.transaction(async () => {
      await this.db.orm.delete(sessions).where(eq(sessions.userId, userId));
    });
  }

  setPasswordHash(userId: number, passwordHash: string): Promise<void> {
    const { users } = this.db.tables;
    return this.db.transaction(async () => {
      await this.db.orm.update(users).set({ passwordHash }).where(eq(users.id, userId));
    });
  }

  deleteSession(id: string): Promise<void> {
    const { sessions } = this.db.tables;
    return this.db.transaction(async () => {
      await this.db.orm.delete(sessions).where(eq(sessions.id, id));
    });
  }

  deleteExpiredSessions(now: number): Promise<void> {
    const { sessions } = this.db.tables;
    return this.db.transaction(async () => {
      await this.db.orm.delete(sessions).where(lt(sessions.expiresAt, now));
    });
  }

  async findLiveToken(hash: string): Promise<AccessTokenRow | undefined> {
    const { accessTokens } = this.db.tables;
    const rows = await this.db.orm
      .select()
      .from(accessTokens)
      .where(and(eq(accessTokens.tokenHash, hash), isNull(accessTokens.revokedAt)))
      .limit(1);
    return rows[0];
  }

  revokeToken(id: number, now: number): Promise<void> {
    const { accessTokens } = this.db.tables;
    return this.db.transaction(async () => {
      await this.db.orm.update(accessTokens).set({ revokedAt: now }).where(and(eq(accessTokens.id, id), isNull(accessTokens.revokedAt)));
    });
  }

  createToken(input: { kind: 'display' | 'api' | 'export'; name: string; tokenHash: string; scopes?: string; createdByUserId: number | null; now: number }): Promise<number> {
    const { accessTokens } = this.db.tables;
    return this.db.transaction(async () => {
      const rows = await this.db.orm
        .insert(accessTokens)
        .values({
          kind: input.kind,
          name: input.name,
          tokenHash: input.tokenHash,
          ...(input.scopes ? { scopes: input.scopes } : {}),
          createdByUserId: input.createdByUserId,
          createdAt: input.now,
        })
        .returning({ id: accessTokens.id });
      return rows[0]!.id;
    });
  }
}
