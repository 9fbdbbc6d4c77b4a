import { Worker } from 'node:worker_threads';
import { IMPORT_COLUMNS, IMPORT_MAX_COLUMNS, IMPORT_MAX_ROWS } from '../../shared/api/imports';
import { IMPORT_HEADERS } from '../../shared/api/spreadsheet-headers';
import { AppError } from '../http/errors';
import type { ParseAnswer, ParseRequest } from './parse-worker';
import type { RawRow as AnyRawRow, TableShape } from './read-table';
import { UnreadableFile } from './unreadable-file';
import { checkWorkbookArchive } from './workbook-archive';

export type { TableShape } from './read-table';
/** One data row of a readings file as read, before any rule. */
export type RawRow<Column extends string = (typeof IMPORT_COLUMNS)[number]> = AnyRawRow<Column>;

const READINGS: TableShape = { columns: IMPORT_COLUMNS, headers: IMPORT_HEADERS, required: ['code', 'date'] };

/**
 * Limits of the worker that reads one upload. Its heap: 50,000 rows take about 100 MB; a file that
 * needs far more is refused rather than the server's memory. Its time: a legitimate 5 MB file
 * reads in about a second on a loaded machine (docs/performance.md).
 */
export const PARSE_LIMITS = { heapMb: 384, timeoutMs: 15_000, concurrent: 2 };

// From source the boot file registers tsx first; in the build (plain JavaScript in dist/server,
// scripts/build.mjs) the worker is an entry of its own, beside the server's code.
const WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('./parse-worker-boot.mjs', import.meta.url)
  : new URL('./imports/parse-worker.js', import.meta.url);
const LIMITS = { maxRows: IMPORT_MAX_ROWS, maxColumns: IMPORT_MAX_COLUMNS };

/**
 * A worker takes about a second to start (it loads the TypeScript loader and its modules): one is
 * kept started and idle from the first upload on, so that the next upload does not wait for it.
 */
let spare: Worker | undefined;

function startWorker(): Worker {
  const worker = new Worker(WORKER_URL, {
    resourceLimits: { maxOldGenerationSizeMb: PARSE_LIMITS.heapMb, maxYoungGenerationSizeMb: 32 },
    stdout: false,
    stderr: false,
  });
  // An idle spare must not keep the process alive, nor crash it.
  worker.unref();
  worker.on('error', () => {});
  return worker;
}

/** Starts the spare worker ahead of the first upload (the server calls it once listening). */
export function warmParser(): void {
  spare ??= startWorker();
}

function takeWorker(): Worker {
  const worker = spare ?? startWorker();
  spare = startWorker();
  worker.ref();
  return worker;
}

/** Reads an uploaded readings file by its extension. */
export async function readRows(fileName: string, content: Buffer): Promise<RawRow[]> {
  return (await readTable(fileName, content, READINGS)) as RawRow[];
}

/**
 * Reads an uploaded file of the given shape by its extension, off the main thread: a worker with
 * its own heap limit and a deadline does the unpacking and parsing (read-table.ts), so a hostile
 * file costs the worker, never the requests and screens the server is answering meanwhile. At most
 * `PARSE_LIMITS.concurrent` files are read at once; the others wait their turn.
 */
export async function readTable(fileName: string, content: Buffer, shape: TableShape): Promise<AnyRawRow[]> {
  const lower = fileName.toLowerCase();
  const format = lower.endsWith('.csv') ? 'csv' : lower.endsWith('.xlsx') ? 'xlsx' : undefined;
  if (!format) throw new AppError('unsupported_media_type', 'upload a .csv or .xlsx file');
  // A zip bomb is refused here, without a worker: the central directory first, then each entry
  // inflated and counted. Inflation runs on libuv's thread pool (node:zlib); this thread only
  // counts chunks, so a large archive does not hold up other requests.
  if (format === 'xlsx') await checkWorkbookArchive(content, { inflate: true, limits: LIMITS }).catch(rethrowUnreadable);
  const answer = await turns.run(() => parseInWorker({ format, content: new Uint8Array(content), shape, limits: LIMITS }));
  if (!answer.ok) throw new AppError('validation_failed', answer.message, { file: answer.reason });
  return answer.rows;
}

function rethrowUnreadable(error: unknown): never {
  if (error instanceof UnreadableFile) throw new AppError('validation_failed', error.message, { file: error.reason });
  throw error;
}

function parseInWorker(request: ParseRequest): Promise<ParseAnswer> {
  return new Promise((resolve) => {
    const worker = takeWorker();
    let settled = false;
    const settle = (answer: ParseAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      void worker.terminate();
      resolve(answer);
    };
    const deadline = setTimeout(
      () => settle({ ok: false, reason: 'too_complex', message: `the file could not be read within ${PARSE_LIMITS.timeoutMs / 1000} s` }),
      PARSE_LIMITS.timeoutMs,
    );
    worker.once('message', (answer: ParseAnswer) => settle(answer));
    worker.once('error', (error: Error & { code?: string }) =>
      settle(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { ok: false, reason: 'too_large_unpacked', message: 'the file needs more memory to read than an import may take' }
          : { ok: false, reason: 'unreadable', message: 'the file could not be read' },
      ),
    );
    worker.once('exit', () => settle({ ok: false, reason: 'unreadable', message: 'the file could not be read' }));
    worker.postMessage(request, [request.content.buffer as ArrayBuffer]);
  });
}

/** Runs at most `limit` tasks at once, the others in the order they came. */
class Turns {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

const turns = new Turns(PARSE_LIMITS.concurrent);
