import { aliasedTable, and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { accessTokens, idempotencyKeys, readings, users } from '../db/schema';

export type ReadingRow = typeof readings.$inferSelect;
export type NewReading = typeof readings.$inferInsert;
export type ReadingWithAuthor = ReadingRow & { authorUserName: string | null; authorTokenName: string | null };

export interface StoredAnswer {
  requestHash: string;
  status: number;
  body: string;
}

const author = aliasedTable(users, 'author');
const authorToken = aliasedTable(accessTokens, 'author_token');

function preparedStatements(db: Db) {
  // A fresh builder each time: drizzle's builders are not reusable once given a where clause.
  const withAuthor = () =>
    db
      .select({ reading: readings, authorUserName: author.displayName, authorTokenName: authorToken.name })
      .from(readings)
      .leftJoin(author, eq(author.id, readings.authorUserId))
      .leftJoin(authorToken, eq(authorToken.id, readings.authorTokenId));
  return {
    byId: withAuthor().where(eq(readings.id, sql.placeholder('id'))).prepare(),
    newest: withAuthor()
      .where(eq(readings.indicatorId, sql.placeholder('indicatorId')))
      .orderBy(desc(readings.id))
      .limit(sql.placeholder('limit'))
      .prepare(),
    newestBefore: withAuthor()
      .where(and(eq(readings.indicatorId, sql.placeholder('indicatorId')), lt(readings.id, sql.placeholder('before'))))
      .orderBy(desc(readings.id))
      .limit(sql.placeholder('limit'))
      .prepare(),
    answer: db
      .select({ requestHash: idempotencyKeys.requestHash, status: idempotencyKeys.status, body: idempotencyKeys.body })
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.principal, sql.placeholder('principal')), eq(idempotencyKeys.key, sql.placeholder('key'))))
      .prepare(),
  };
}

function flatten(row: { reading: ReadingRow; authorUserName: string | null; authorTokenName: string | null }): ReadingWithAuthor {
  return { ...row.reading, authorUserName: row.authorUserName, authorTokenName: row.authorTokenName };
}

/** Readings and idempotent answers. Writes run inside `transaction`. */
export class ReadingsRepository {
  private readonly statements: ReturnType<typeof preparedStatements>;

  constructor(private readonly db: Db) {
    this.statements = preparedStatements(db);
  }

  /** Runs `work` in one write transaction. It must stay synchronous (better-sqlite3). */
  transaction<T>(work: () => T): T {
    return this.db.transaction(() => work(), { behavior: 'immediate' });
  }

  reading(id: number): ReadingWithAuthor | undefined {
    const row = this.statements.byId.get({ id });
    return row && flatten(row);
  }

  /** Newest first, `limit` of them, older than reading `before` when given. */
  page(indicatorId: number, limit: number, before?: number): ReadingWithAuthor[] {
    const rows =
      before === undefined
        ? this.statements.newest.all({ indicatorId, limit })
        : this.statements.newestBefore.all({ indicatorId, limit, before });
    return rows.map(flatten);
  }

  insert(reading: NewReading): number {
    return this.db.insert(readings).values(reading).returning({ id: readings.id }).get().id;
  }

  /** Marks `id` as replaced by `byId`, only if it belongs to the indicator and is not replaced yet. */
  markSuperseded(id: number, indicatorId: number, byId: number): boolean {
    const result = this.db
      .update(readings)
      .set({ supersededById: byId })
      .where(and(eq(readings.id, id), eq(readings.indicatorId, indicatorId), isNull(readings.supersededById)))
      .run();
    return result.changes === 1;
  }

  storedAnswer(principal: string, key: string): StoredAnswer | undefined {
    return this.statements.answer.get({ principal, key });
  }

  storeAnswer(principal: string, key: string, answer: StoredAnswer, now: number): void {
    this.db.insert(idempotencyKeys).values({ principal, key, ...answer, createdAt: now }).run();
  }

  /** Forgets answers older than `before` (they are kept at least 24 h). */
  forgetAnswersBefore(before: number): void {
    this.db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before)).run();
  }
}
