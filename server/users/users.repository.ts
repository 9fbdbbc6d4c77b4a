import { asc, eq } from 'drizzle-orm';
import type { Database } from '../db/database';
import type { users } from '../db/schema';

export type UserRecord = typeof users.$inferSelect & { unitIds: number[] };

/** Users with their units, and the unit tree. Writes run inside `transaction`. */
export class UsersRepository {
  constructor(private readonly db: Database) {}

  async list(): Promise<UserRecord[]> {
    const { users, userUnits } = this.db.tables;
    const memberships = new Map<number, number[]>();
    for (const { userId, unitId } of await this.db.orm.select().from(userUnits)) {
      memberships.set(userId, [...(memberships.get(userId) ?? []), unitId]);
    }
    // Sorted here, by code point: PostgreSQL would order by its locale's collation, SQLite does not.
    const rows = (await this.db.orm.select().from(users)).sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
    return rows.map((user) => ({ ...user, unitIds: (memberships.get(user.id) ?? []).sort((a, b) => a - b) }));
  }

  async find(id: number): Promise<UserRecord | undefined> {
    const { users, userUnits } = this.db.tables;
    const user = (await this.db.orm.select().from(users).where(eq(users.id, id)).limit(1))[0];
    if (!user) return undefined;
    const unitIds = await this.db.orm.select({ unitId: userUnits.unitId }).from(userUnits).where(eq(userUnits.userId, id));
    return { ...user, unitIds: unitIds.map((u) => u.unitId).sort((a, b) => a - b) };
  }

  async usernameTaken(username: string): Promise<boolean> {
    const { users } = this.db.tables;
    const rows = await this.db.orm.select({ id: users.id }).from(users).where(eq(users.username, username.toLowerCase())).limit(1);
    return rows.length > 0;
  }

  async update(
    id: number,
    patch: { displayName?: string | undefined; role?: string | undefined; disabledAt?: number | null | undefined; email?: string | null | undefined; receivesReminders?: boolean | undefined },
  ): Promise<void> {
    const { users } = this.db.tables;
    const set = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    if (Object.keys(set).length > 0) await this.db.orm.update(users).set(set).where(eq(users.id, id));
  }

  async setUnits(userId: number, unitIds: readonly number[]): Promise<void> {
    const { userUnits } = this.db.tables;
    await this.db.orm.delete(userUnits).where(eq(userUnits.userId, userId));
    for (const unitId of new Set(unitIds)) await this.db.orm.insert(userUnits).values({ userId, unitId });
  }

  units(): Promise<Array<{ id: number; name: string; parentId: number | null }>> {
    const { units } = this.db.tables;
    return this.db.orm.select({ id: units.id, name: units.name, parentId: units.parentId }).from(units).orderBy(asc(units.id));
  }

  /** The ids among `ids` that are not units. */
  async unknownUnits(ids: readonly number[]): Promise<number[]> {
    const known = new Set((await this.units()).map((u) => u.id));
    return ids.filter((id) => !known.has(id));
  }

  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }
}
