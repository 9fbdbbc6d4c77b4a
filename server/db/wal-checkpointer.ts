import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** What the worker waits after a commit, so that one checkpoint takes the commits of a while. */
export const CHECKPOINT_DELAY_MS = 100;

/** Slots of the shared counters. */
const COMMITS = 0;
const STOP = 1;

/*
 * The worker, plain JavaScript (no loader, the same in the build and from source): its own
 * connection to the file copies the WAL's pages into the database (a PASSIVE checkpoint: it never
 * waits for, nor holds up, the writer or the readers), once commits came, a while after the first.
 * While the writer adds to the WAL it goes again, until the WAL is copied whole: the next write
 * then starts the WAL from its beginning, so the file stays the size of a few checkpoints' pages.
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const counters = new Int32Array(workerData.counters);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
let seen = 0;
for (;;) {
  Atomics.wait(counters, ${COMMITS}, seen);
  if (Atomics.load(counters, ${STOP}) === 0) Atomics.wait(counters, ${STOP}, 0, ${CHECKPOINT_DELAY_MS});
  if (Atomics.load(counters, ${STOP}) !== 0) break;
  seen = Atomics.load(counters, ${COMMITS});
  for (let round = 0; round < 16; round++) {
    const [{ log, checkpointed }] = db.pragma('wal_checkpoint(PASSIVE)');
    if (log <= 0 || checkpointed >= log) break;
  }
}
db.close();
`;

/**
 * Checkpoints the WAL on a thread of its own (docs/decisions.md, "Checkpoints off the event
 * loop"). SQLite's automatic checkpoint runs inside the COMMIT that crosses 1,000 pages: every
 * fiftieth commit of readings held the event loop 3–5 ms, copying pages and fsyncing twice, which
 * was a tenth of a reading's CPU on the main thread. The writer turns it off and calls `committed`
 * after each COMMIT instead: a counter in shared memory, no message.
 */
export class WalCheckpointer {
  private readonly counters = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  private worker: Worker | undefined;
  private exited: Promise<void> | undefined;

  /** @param failed called if the worker stops on its own: the writer checkpoints itself again. */
  constructor(
    private readonly file: string,
    private readonly failed: (error: unknown) => void,
  ) {}

  /** A COMMIT wrote to the WAL. */
  committed(): void {
    if (!this.worker) this.start();
    Atomics.add(this.counters, COMMITS, 1);
    Atomics.notify(this.counters, COMMITS);
  }

  private start(): void {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file: this.file, driver: createRequire(import.meta.url).resolve('better-sqlite3'), counters: this.counters.buffer },
      stdout: false,
      stderr: false,
    });
    this.worker = worker;
    // It must not keep the process alive: close() ends it.
    worker.unref();
    let failure: unknown;
    worker.on('error', (error) => (failure = error));
    this.exited = new Promise<void>((resolve) =>
      worker.once('exit', (code) => {
        if (Atomics.load(this.counters, STOP) === 0) this.failed(failure ?? new Error(`the WAL checkpointer stopped (exit code ${code})`));
        resolve();
      }),
    );
  }

  /** Ends the worker once its checkpoint, if one runs, is done. */
  async close(): Promise<void> {
    // Waited for: the process must not end before the worker has closed its connection.
    this.worker?.ref();
    Atomics.store(this.counters, STOP, 1);
    Atomics.add(this.counters, COMMITS, 1);
    Atomics.notify(this.counters, COMMITS);
    Atomics.notify(this.counters, STOP);
    await this.exited;
  }
}
