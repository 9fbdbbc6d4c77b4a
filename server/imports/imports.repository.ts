import { and, eq, isNull, lt } from 'drizzle-orm';
import type { ImportRow } from '../../shared/api/imports';
import { single, type Database } from '../db/database';

export interface StoredImport {
  id: number;
  kind: string;
  termId: number | null;
  userId: number | null;
  tokenId: number | null;
  fileName: string;
  rows: ImportRow[];
  committedAt: number | null;
}

/**
 * How long a preview is kept for its commit. A preview holds every row of its file (a 5 MB CSV
 * took 9 MB): older ones, committed or not, are removed when the next is stored.
 */
export const IMPORT_PREVIEW_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Uploaded batches between their preview and their commit. Every write runs in a transaction: the
 * caller's when there is one (it joins it), else one of its own.
 */
export class ImportsRepository {
  constructor(private readonly db: Database) {}

  create(input: { userId: number | null; tokenId: number | null; fileName: string; rows: unknown[]; now: number; kind?: 'readings' | 'plan'; termId?: number }): Promise<number> {
    const { imports } = this.db.tables;
    return this.db.transaction(async () => {
      await this.db.orm.delete(imports).where(lt(imports.createdAt, input.now - IMPORT_PREVIEW_TTL_MS));
      const created = await this.db.orm
        .insert(imports)
        .values({
          userId: input.userId,
          tokenId: input.tokenId,
          fileName: input.fileName,
          rows: JSON.stringify(input.rows),
          createdAt: input.now,
          kind: input.kind ?? 'readings',
          termId: input.termId ?? null,
        })
        .returning({ id: imports.id });
      return single(created).id;
    });
  }

  async find(id: number): Promise<StoredImport | undefined> {
    const { imports } = this.db.tables;
    const [row] = await this.db.orm.select().from(imports).where(eq(imports.id, id)).limit(1);
    return row && { ...row, rows: JSON.parse(row.rows) as ImportRow[] };
  }

  /** Marks the batch committed, once: false when it already was. */
  markCommitted(id: number, now: number): Promise<boolean> {
    const { imports } = this.db.tables;
    return this.db.transaction(async () => {
      const marked = await this.db.orm
        .update(imports)
        .set({ committedAt: now })
        .where(and(eq(imports.id, id), isNull(imports.committedAt)))
        .returning({ id: imports.id });
      return marked.length === 1;
    });
  }
}
