import { eq } from 'drizzle-orm';
import type { Database } from '../db/database';

/** Installation settings, one JSON value per key. Writes run inside `transaction`. */
export class SettingsRepository {
  constructor(private readonly db: Database) {}

  async get<T>(key: string): Promise<T | undefined> {
    const { settings } = this.db.tables;
    const row = (await this.db.orm.select().from(settings).where(eq(settings.key, key)).limit(1))[0];
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  /** Every setting, by key: one query for the screens' and the export's many values. */
  async all(): Promise<Map<string, unknown>> {
    const { settings } = this.db.tables;
    const rows = await this.db.orm.select().from(settings);
    return new Map(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]));
  }

  async set(key: string, value: unknown): Promise<void> {
    const { settings } = this.db.tables;
    const json = JSON.stringify(value);
    await this.db.orm.insert(settings).values({ key, value: json }).onConflictDoUpdate({ target: settings.key, set: { value: json } });
  }

  async remove(key: string): Promise<void> {
    const { settings } = this.db.tables;
    await this.db.orm.delete(settings).where(eq(settings.key, key));
  }

  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }
}
