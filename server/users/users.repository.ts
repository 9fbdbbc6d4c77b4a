import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { units, userUnits, users } from '../db/schema';

export type UserRecord = typeof users.$inferSelect & { unitIds: number[] };

/** Users with their units, and the unit tree. */
export class UsersRepository {
  constructor(private readonly db: Db) {}

  list(): UserRecord[] {
    const memberships = new Map<number, number[]>();
    for (const { userId, unitId } of this.db.select().from(userUnits).all()) {
      memberships.set(userId, [...(memberships.get(userId) ?? []), unitId]);
    }
    return this.db
      .select()
      .from(users)
      .orderBy(asc(users.username))
      .all()
      .map((user) => ({ ...user, unitIds: (memberships.get(user.id) ?? []).sort((a, b) => a - b) }));
  }

  find(id: number): UserRecord | undefined {
    const user = this.db.select().from(users).where(eq(users.id, id)).get();
    if (!user) return undefined;
    const unitIds = this.db.select({ unitId: userUnits.unitId }).from(userUnits).where(eq(userUnits.userId, id)).all();
    return { ...user, unitIds: unitIds.map((u) => u.unitId).sort((a, b) => a - b) };
  }

  usernameTaken(username: string): boolean {
    return this.db.select({ id: users.id }).from(users).where(eq(users.username, username.toLowerCase())).get() !== undefined;
  }

  update(id: number, patch: { displayName?: string | undefined; role?: string | undefined; disabledAt?: number | null | undefined }): void {
    const set = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    if (Object.keys(set).length > 0) this.db.update(users).set(set).where(eq(users.id, id)).run();
  }

  setUnits(userId: number, unitIds: readonly number[]): void {
    this.db.delete(userUnits).where(eq(userUnits.userId, userId)).run();
    for (const unitId of new Set(unitIds)) this.db.insert(userUnits).values({ userId, unitId }).run();
  }

  units(): Array<{ id: number; name: string; parentId: number | null }> {
    return this.db.select({ id: units.id, name: units.name, parentId: units.parentId }).from(units).orderBy(asc(units.id)).all();
  }

  /** The ids among `ids` that are not units. */
  unknownUnits(ids: readonly number[]): number[] {
    const known = new Set(this.units().map((u) => u.id));
    return ids.filter((id) => !known.has(id));
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(() => work(), { behavior: 'immediate' });
  }
}
