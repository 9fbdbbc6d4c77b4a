import { aliasedTable, and, desc, eq, isNull, lt } from 'drizzle-orm';
import { single, type Database } from '../db/database';
import type { readings } from '../db/schema';

export type ReadingRow = typeof readings.$inferSelect;
export type NewReading = typeof readings.$inferInsert;
export type ReadingWithAuthor = ReadingRow & { authorUserName: string | null; authorTokenName: string | null };

function withAuthor(db: Database) {
  const { readings, users, accessTokens } = db.tables;
  const author = aliasedTable(users, 'author');
  const authorToken = aliasedTable(accessTokens, 'author_token');
  return db.orm
    .select({ reading: readings, authorUserName: author.displayName, authorTokenName: authorToken.name })
    .from(readings)
    .leftJoin(author, eq(author.id, readings.authorUserId))
    .leftJoin(authorToken, eq(authorToken.id, readings.authorTokenId));
}

function flatten(row: { reading: ReadingRow; authorUserName: string | null; authorTokenName: string | null }): ReadingWithAuthor {
  return { ...row.reading, authorUserName: row.authorUserName, authorTokenName: row.authorTokenName };
}

/** Readings: never changed, only added; a correction marks the reading it replaces. Writes run inside a unit of work. */
export class ReadingsRepository {
  constructor(private readonly db: Database) {}

  async reading(id: number): Promise<ReadingWithAuthor | undefined> {
    const [row] = await withAuthor(this.db).where(eq(this.db.tables.readings.id, id));
    return row && flatten(row);
  }

  /** Newest first, `limit` of them, older than reading `before` when given. */
  async page(indicatorId: number, limit: number, before?: number): Promise<ReadingWithAuthor[]> {
    const { readings } = this.db.tables;
    const rows = await withAuthor(this.db)
      .where(and(eq(readings.indicatorId, indicatorId), before === undefined ? undefined : lt(readings.id, before)))
      .orderBy(desc(readings.id))
      .limit(limit);
    return rows.map(flatten);
  }

  /** Writes the readings, in order, and returns their rows in the same order. Call inside a write transaction. */
  async insert(rows: readonly NewReading[]): Promise<ReadingRow[]> {
    const ids = await this.db.insertMany(this.db.tables.readings, rows);
    // What the database filled in: the defaults of the table, the id, not corrected yet.
    const defaults = { value: null, numerator: null, denominator: null, note: '', evidence: '', authorUserId: null, authorTokenId: null, supersedesId: null, reason: '' };
    return rows.map((row, i) => ({ ...defaults, ...row, id: ids[i]!, supersededById: null }) as ReadingRow);
  }

  /** Marks `id` as replaced by `byId`, only if it belongs to the indicator and is not replaced yet. */
  async markSuperseded(id: number, indicatorId: number, byId: number): Promise<boolean> {
    const { readings } = this.db.tables;
    const marked = await this.db.orm
      .update(readings)
      .set({ supersededById: byId })
      .where(and(eq(readings.id, id), eq(readings.indicatorId, indicatorId), isNull(readings.supersededById)))
      .returning({ id: readings.id });
    return marked.length === 1;
  }
}
