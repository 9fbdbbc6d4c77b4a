import { and, eq, isNull } from 'drizzle-orm';
import type { ImportRow } from '../../shared/api/imports';
import type { Db } from '../db/client';
import { imports } from '../db/schema';

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

/** Uploaded batches between their preview and their commit. */
export class ImportsRepository {
  constructor(private readonly db: Db) {}

  create(input: { userId: number | null; tokenId: number | null; fileName: string; rows: unknown[]; now: number; kind?: 'readings' | 'plan'; termId?: number }): number {
    return this.db
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
      .returning({ id: imports.id })
      .get().id;
  }

  find(id: number): StoredImport | undefined {
    const row = this.db.select().from(imports).where(eq(imports.id, id)).get();
    return row && { ...row, rows: JSON.parse(row.rows) as ImportRow[] };
  }

  /** Marks the batch committed, once: false when it already was. */
  markCommitted(id: number, now: number): boolean {
    return this.db.update(imports).set({ committedAt: now }).where(and(eq(imports.id, id), isNull(imports.committedAt))).run().changes === 1;
  }
}
