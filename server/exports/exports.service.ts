import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Export } from '../../shared/api/exports';
import type { Delivery } from '../../shared/api/mail';
import { displayPages } from '../../shared/display/pages';
import { dateInZone, isoWeekLabel } from '../../shared/time/dates';
import type { AuthRepository } from '../auth/auth.repository';
import type { Principal } from '../auth/principal';
import { hashSecret, newSecret } from '../auth/tokens';
import type { BoardService } from '../board/board.service';
import type { Clock } from '../clock';
import { AppError } from '../http/errors';
import type { BrowserPool } from './browser-pool';
import type { ExportRow, ExportsRepository, Lease } from './exports.repository';
import { renderExport, type RenderedFile } from './renderer';
import { removeStaleBrowserProfiles } from './stale-profiles';

export interface ExportsOptions {
  /** DATA_DIR/exports: one folder per ISO week, one per export inside it. */
  root: string;
  /** Where the renderer reaches this server (known once it listens). */
  baseUrl: () => string;
  /** Read at each pruning: an admin may change it while the server runs. */
  retentionWeeks: () => Promise<number>;
  log: { debug(obj: object, msg: string): void; info(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /** This node for this run (its name and a random part): the owner of the exports' leases it takes. */
  owner: string;
  /** The report's email (server/mail): told when an export is done, and asked for each export's deliveries. */
  mail?: { exportDone(id: number): Promise<void>; deliveriesOf(ids: number[]): Promise<Map<number, Delivery[]>> };
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
/** On-demand exports one user may have queued or running at once. */
export const MAX_PENDING_PER_USER = 3;
/** The earliest moment an export may be "as of". */
export const EARLIEST_AS_OF = Date.UTC(2000, 0, 1);
/** How long a lease holds unless renewed; renewed every third of it while the node has the export. */
export const LEASE_MS = 60_000;
/** How often a node looks for exports whose node died (their lease ran out). */
const TAKE_OVER_EVERY_MS = 60_000;

/**
 * The weekly screenshot export: queued by the schedule or on demand, rendered one at a time by
 * headless Chromium from the same screen the TVs show, archived by ISO week, pruned by age.
 */
export class ExportsService {
  private chain: Promise<void> = Promise.resolve();
  private stopping = false;
  /** The exports this node holds the lease of (queued here or rendering), renewed until finished. */
  private readonly owned = new Set<number>();
  private timers: Array<ReturnType<typeof setInterval>> = [];

  constructor(
    private readonly repository: ExportsRepository,
    private readonly boards: BoardService,
    private readonly auth: AuthRepository,
    private readonly pool: BrowserPool,
    private readonly clock: Clock,
    private readonly options: ExportsOptions,
  ) {}

  /** "Xuất ngay": admins and editors, as of now or a past moment. */
  async request(principal: Principal, asOf: number | undefined): Promise<{ id: number }> {
    if (principal.kind !== 'user' || principal.role === 'viewer') throw new AppError('forbidden', 'only admins and editors export');
    const now = this.clock.now();
    const instant = asOf ?? now;
    if (instant > now) throw new AppError('validation_failed', 'asOf lies in the future', { asOf: 'in_future' });
    // Before any term could be: year 0999 made the week label (and the export) fail with a 500.
    if (instant < EARLIEST_AS_OF) throw new AppError('validation_failed', 'asOf lies before 2000', { asOf: 'too_early' });
    await this.boards.currentTerm();
    // Each export holds a browser for a while: one user cannot fill the queue for everyone.
    if ((await this.repository.pendingOf(principal.userId)) >= MAX_PENDING_PER_USER) {
      throw new AppError('rate_limited', `at most ${MAX_PENDING_PER_USER} of your exports may wait at once: wait for one to finish`);
    }
    const id = (await this.repository.queue({ kind: 'on_demand', slot: null, asOf: instant, week: this.week(instant), requestedByUserId: principal.userId, now }, this.lease()))!;
    this.enqueue(id);
    return { id };
  }

  /** The export of a scheduled slot, once: false when it was queued before (a restart, another node). */
  async scheduleSlot(slot: number): Promise<boolean> {
    const id = await this.repository.queue({ kind: 'scheduled', slot, asOf: slot, week: this.week(slot), requestedByUserId: null, now: this.clock.now() }, this.lease());
    if (id === undefined) {
      this.options.log.info({ slot: new Date(slot).toISOString() }, 'scheduled export already queued (another node, or before a restart)');
      return false;
    }
    this.options.log.info({ exportId: id, slot: new Date(slot).toISOString() }, 'scheduled export queued');
    this.enqueue(id);
    return true;
  }

  hasSlot(slot: number): Promise<boolean> {
    return this.repository.hasSlot(slot);
  }

  /**
   * Starts the lease work of this node: takes over the exports a stop or a dead node left
   * unfinished, now and every minute, and renews the leases of its own.
   */
  async start(): Promise<void> {
    const removed = removeStaleBrowserProfiles();
    // Housekeeping at debug: the console at start is the one line with the URL (and the first
    // admin's password), whatever the temporary folder held.
    if (removed.length > 0) this.options.log.debug({ removed: removed.length }, 'removed browser profiles left by a killed export');
    await this.takeOverAbandoned();
    const every = (ms: number, work: () => Promise<void>, what: string) => {
      const timer = setInterval(() => work().catch((error: unknown) => this.options.log.error({ err: error }, what)), ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(TAKE_OVER_EVERY_MS, () => this.takeOverAbandoned(), 'taking over abandoned exports failed');
    every(LEASE_MS / 3, () => this.renewLeases(), 'renewing export leases failed');
  }

  /** Queues here the unfinished exports whose lease ran out (their node died) or was given back. */
  async takeOverAbandoned(): Promise<void> {
    if (this.stopping) return;
    for (const id of await this.repository.takeOverAbandoned(this.clock.now(), this.lease())) {
      this.options.log.info({ exportId: id }, 'export taken over (its node stopped or died)');
      this.enqueue(id);
    }
  }

  private async renewLeases(): Promise<void> {
    if (this.owned.size > 0) await this.repository.renew([...this.owned], this.lease());
  }

  private lease(): Lease {
    return { owner: this.options.owner, until: this.clock.now() + LEASE_MS };
  }

  async list(limit = 200): Promise<Export[]> {
    const rows = await this.repository.list(limit);
    const deliveries = (await this.options.mail?.deliveriesOf(rows.map((row) => row.id))) ?? new Map<number, Delivery[]>();
    return rows.map((row) => this.describe(row, deliveries.get(row.id) ?? []));
  }

  async get(id: number): Promise<Export> {
    const row = await this.repository.find(id);
    if (!row) throw new AppError('not_found', `export ${id} not found`);
    return this.describe(row, (await this.options.mail?.deliveriesOf([id]))?.get(id) ?? []);
  }

  /** The path of one of an export's files; only names it lists. */
  async filePath(id: number, name: string): Promise<{ path: string; type: string }> {
    const row = await this.repository.find(id);
    const file = row && (JSON.parse(row.files) as RenderedFile[]).find((f) => f.name === name);
    if (!row || !file) throw new AppError('not_found', `no file ${name} in export ${id}`);
    return { path: join(this.folder(row), file.name), type: file.type };
  }

  /** Resolves once every queued export has finished (tests, shutdown). */
  idle(): Promise<void> {
    return this.chain;
  }

  /**
   * Stops: the browser closes at once; an export cut short, and those still waiting here, are
   * given back (queued, lease released) for another node or the next start.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    await this.pool.close();
    await this.chain.catch(() => {});
    if (this.owned.size > 0) await this.repository.release([...this.owned], this.options.owner);
    this.owned.clear();
  }

  /** A scheduled slot's export could not be queued (the database unreachable): the next slot tries again. */
  scheduleFailed(slot: number | undefined, error: unknown): void {
    this.options.log.error({ slot: slot === undefined ? undefined : new Date(slot).toISOString(), err: error }, 'scheduled export not queued');
  }

  scheduleSince(): Promise<number> {
    return this.repository.scheduleSince(this.clock.now());
  }

  private enqueue(id: number): void {
    this.owned.add(id);
    // A failure outside the render (the database unreachable) is logged, and the chain goes on.
    this.chain = this.chain.then(() => this.run(id)).catch((error: unknown) => this.options.log.error({ exportId: id, err: error }, 'export failed'));
  }

  private async run(id: number): Promise<void> {
    // Stopping: left owned, and given back by stop().
    if (this.stopping) return;
    const row = await this.repository.find(id);
    if (!row || row.status === 'done' || row.status === 'failed') {
      this.owned.delete(id);
      return;
    }
    const token = newSecret('tbe');
    // Claimed and given its page token in one transaction: nothing to revoke if another node has it.
    const tokenId = await this.repository.transaction(async () => {
      if (!(await this.repository.start(id, this.clock.now(), this.lease()))) return undefined;
      return this.auth.createToken({ kind: 'export', name: `export ${id}`, tokenHash: hashSecret(token), createdByUserId: null, now: this.clock.now() });
    });
    if (tokenId === undefined) {
      // The lease ran out before this node got to it, and another node took the export over.
      this.owned.delete(id);
      return;
    }
    try {
      const board = await this.boards.board(row.asOf);
      const pages = displayPages(board, '').map((page) => page.key);
      const files = await renderExport(this.pool, {
        baseUrl: this.options.baseUrl(),
        token,
        asOf: row.asOf,
        pages,
        outDir: this.folder(row),
        pdfName: `bao-cao-${row.week}.pdf`,
      });
      await this.repository.finish(id, this.clock.now(), { status: 'done', files: JSON.stringify(files) });
      this.owned.delete(id);
      this.options.log.info({ exportId: id, files: files.length }, 'export done');
      // Its mail is queued before the next export starts; a failure to queue leaves the export done.
      await this.options.mail?.exportDone(id).catch((error: unknown) => this.options.log.error({ exportId: id, err: error }, 'queueing the export\'s mail failed'));
    } catch (error) {
      // Cut short by a shutdown, not failed: stop() gives it back, and it is rendered again.
      if (this.stopping) return;
      const message = error instanceof Error ? error.message : String(error);
      await this.repository.finish(id, this.clock.now(), { status: 'failed', error: message });
      this.owned.delete(id);
      this.options.log.error({ exportId: id, err: error }, 'export failed');
    } finally {
      await this.auth.revokeToken(tokenId, this.clock.now());
    }
    await this.prune();
  }

  /**
   * Removes exports (files and rows) made longer ago than the retention. By when they were made:
   * an export made today "as of" an old date is kept like any other.
   */
  async prune(): Promise<void> {
    const limit = this.clock.now() - (await this.options.retentionWeeks()) * WEEK_MS;
    for (const row of await this.repository.madeBefore(limit)) {
      const folder = this.folder(row);
      if (existsSync(folder)) rmSync(folder, { recursive: true, force: true });
      await this.repository.remove(row.id);
    }
  }

  private week(instant: number): string {
    return isoWeekLabel(dateInZone(instant, this.boards.timeZone));
  }

  private folder(row: ExportRow): string {
    return join(this.options.root, row.week, String(row.id));
  }

  private describe(row: ExportRow, deliveries: Delivery[]): Export {
    const files = JSON.parse(row.files) as RenderedFile[];
    return {
      id: row.id,
      kind: row.kind as Export['kind'],
      status: row.status as Export['status'],
      ...(row.error ? { error: row.error } : {}),
      asOf: new Date(row.asOf).toISOString(),
      week: row.week,
      createdAt: new Date(row.createdAt).toISOString(),
      finishedAt: row.finishedAt === null ? null : new Date(row.finishedAt).toISOString(),
      files: files.map((file) => ({ ...file, url: `/api/exports/${row.id}/files/${encodeURIComponent(file.name)}` })),
      deliveries,
    };
  }
}
