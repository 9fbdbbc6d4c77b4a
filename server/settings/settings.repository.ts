import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { settings } from '../db/schema';

/** Installation settings, one JSON value per key. */
export class SettingsRepository {
  constructor(private readonly db: Db) {}

  get<T>(key: string): T | undefined {
    const row = this.db.select().from(settings).where(eq(settings.key, key)).get();
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  set(key: string, value: unknown): void {
    const json = JSON.stringify(value);
    this.db.insert(settings).values({ key, value: json }).onConflictDoUpdate({ target: settings.key, set: { value: json } }).run();
  }

  remove(key: string): void {
    this.db.delete(settings).where(eq(settings.key, key)).run();
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(() => work(), { behavior: 'immediate' });
  }
}
