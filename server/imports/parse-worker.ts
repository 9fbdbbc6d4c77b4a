import { parentPort } from 'node:worker_threads';
import { readCsv, readXlsx, type TableShape } from './read-table';
import { UnreadableFile, type TableLimits } from './unreadable-file';

/** What the request sends the worker: the file's bytes (transferred, not copied) and its shape. */
export interface ParseRequest {
  format: 'csv' | 'xlsx';
  content: Uint8Array;
  shape: TableShape;
  limits: TableLimits;
}

export type ParseAnswer =
  | { ok: true; rows: Awaited<ReturnType<typeof readCsv>> }
  | { ok: false; reason: UnreadableFile['reason']; message: string };

// One file per worker: it reads, answers, and is ended by the parent.
parentPort?.once('message', (request: ParseRequest) => {
  const read = request.format === 'csv' ? readCsv : readXlsx;
  read(request.content, request.shape, request.limits).then(
    (rows) => parentPort!.postMessage({ ok: true, rows } satisfies ParseAnswer),
    (error: unknown) => {
      const answer: ParseAnswer =
        error instanceof UnreadableFile
          ? { ok: false, reason: error.reason, message: error.message }
          : { ok: false, reason: 'unreadable', message: 'the file could not be read' };
      parentPort!.postMessage(answer);
    },
  );
});
