import { and, eq, lt } from 'drizzle-orm';
import type { Database } from '../db/database';

export interface StoredAnswer {
  requestHash: string;
  body: string;
}

/** Every answer kept is a creation's (`201`): a write that failed stored nothing and may be sent again. */
const CREATED = 201;

/** Answers to writes sent with an Idempotency-Key, per caller; the write pipeline reads and keeps them. */
export class IdempotencyRepository {
  constructor(private readonly db: Database) {}

  async storedAnswer(principal: string, key: string): Promise<StoredAnswer | undefined> {
    const { idempotencyKeys } = this.db.tables;
    const [row] = await this.db.orm
      .select({ requestHash: idempotencyKeys.requestHash, body: idempotencyKeys.body })
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key)));
    return row;
  }

  /** Call inside the write's transaction: the answer is kept exactly when the write commits. */
  async storeAnswer(principal: string, key: string, answer: StoredAnswer, now: number): Promise<void> {
    await this.db.orm.insert(this.db.tables.idempotencyKeys).values({ principal, key, ...answer, status: CREATED, createdAt: now });
  }

  /** Forgets answers older than `before` (they are kept at least 24 h). */
  async forgetAnswersBefore(before: number): Promise<void> {
    const { idempotencyKeys } = this.db.tables;
    await this.db.transaction(async () => {
      await this.db.orm.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before));
    });
  }
}
