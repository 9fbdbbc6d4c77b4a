import { aliasedTable, and, desc, eq, isNull, lt } from 'drizzle-orm';
import { single, type Database } from '../db/database';
import type { readings } from '../db/schema';

export type ReadingRow = typeof readings.$inferSelect;
export type NewReading = typeof readings.$inferInsert;
export type ReadingWithAuthor = ReadingRow & { authorUserName: string | null; authorTokenName: string | null };

export interface StoredAnswer {
  requestHash: string;
  status: number;
  body: string;
}

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

/** Readings and idempotent answers. Writes run inside `transaction`. */
export class ReadingsRepository {
  constructor(private readonly db: Database) {}

  /** Runs `work` in one write transaction (see Database.transaction). */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

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

  async insert(reading: NewReading): Promise<number> {
    const { readings } = this.db.tables;
    return single(await this.db.orm.insert(readings).values(reading).returning({ id: readings.id })).id;
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

  async storedAnswer(principal: string, key: string): Promise<StoredAnswer | undefined> {
    const { idempotencyKeys } = this.db.tables;
    const [row] = await this.db.orm
      .select({ requestHash: idempotencyKeys.requestHash, status: idempotencyKeys.status, body: idempotencyKeys.body })
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key)));
    return row;
  }

  async storeAnswer(principal: string, key: string, answer: StoredAnswer, now: number): Promise<void> {
    await this.db.orm.insert(this.db.tables.idempotencyKeys).values({ principal, key, ...answer, createdAt: now });
  }

  /** Forgets answers older than `before` (they are kept at least 24 h). */
  async forgetAnswersBefore(before: number): Promise<void> {
    const { idempotencyKeys } = this.db.tables;
    await this.db.transaction(async () => {
      await this.db.orm.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before));
    });
  }
}
