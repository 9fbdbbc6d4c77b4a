import type { BoardIndicator } from '../../shared/api/board';
import type { Reading } from '../../shared/api/readings';
import type { ReadingFact } from '../../shared/indicator/model';
import type { IndicatorUpdate } from '../../shared/realtime/events';
import type { Actor, AuditEvent, AuditService } from '../audit/audit.service';
import type { BoardRepository, IndicatorRow, TermRow } from '../board/board.repository';
import { spanOf, type BoardService } from '../board/board.service';
import { tallyOf } from '../../shared/indicator/progress';
import { dateInZone } from '../../shared/time/dates';
import type { Clock } from '../clock';
import type { Database } from '../db/database';
import { DomainError } from '../errors';
import { REPLAY_WINDOW } from './change-log.repository';
import { ChangeLogWriter, type ChangeEntry } from './change-log.writer';
import { FactsLedger } from './facts-ledger';
import type { IdempotencyRepository } from './idempotency.repository';
import { MAX_REPLAY } from '../realtime/seq-ordered-feed';

/** What the progress rules need of a reading. */
function factOf(reading: Reading): ReadingFact {
  const { id, date, value, numerator, denominator, supersedesId } = reading;
  return { id, date, value, numerator, denominator, createdAt: Date.parse(reading.createdAt), supersedesId };
}

/** A change of one indicator: a reading, a correction, or an edit of its definition. */
export interface IndicatorChange {
  kind: 'reading' | 'correction' | 'indicator';
  indicatorId: number;
  /** The reading or correction written; null for an edit of the indicator. */
  reading: Reading | null;
}

/** What a unit of work committed, for the publisher to send. */
export interface CommittedChanges {
  /** Per term, in seq order: each change with its indicator's state once the unit committed. */
  readonly updates: ReadonlyMap<number, readonly IndicatorUpdate[]>;
  /** Terms whose whole board changed (a group, the term, an archived indicator, units, settings): a snapshot is due. */
  readonly boardsChanged: ReadonlySet<number>;
  /** The current term changed: screens of `from` follow `to`. */
  readonly moves: ReadonlyArray<{ from: number; to: number }>;
}

/** Sends what a committed unit of work recorded (server/changes/change-publisher.ts). */
export interface ChangePublisher {
  publish(committed: CommittedChanges): Promise<void>;
}

/** An Idempotency-Key as the pipeline keeps it: per caller, with a hash of the request it answered. */
export interface Idempotency {
  principal: string;
  key: string;
  requestHash: string;
}

interface PipelineDeps {
  db: Database;
  boards: BoardService;
  boardRepository: BoardRepository;
  audit: AuditService;
  idempotency: IdempotencyRepository;
  clock: Clock;
  publisher: ChangePublisher;
  /**
   * Nodes share the database (Redis): each change's update is kept in the change log as its
   * payload, from which a node fills a gap in what reaches it from the others. A lone node
   * publishes its own commits in order, and writes none.
   */
  logsPayloads: boolean;
}

/**
 * One write: what it loads and checks, what it writes, its change-log entries and its audit
 * records, all in one transaction (`WritePipeline.run`). It is the only way into the change log,
 * so every change a board shows is numbered, audited and published the same way.
 */
export class UnitOfWork {
  private readonly updates = new Map<number, IndicatorUpdate[]>();
  private readonly boardsChanged = new Set<number>();
  private readonly moves: Array<{ from: number; to: number }> = [];
  /** States computed here, for the board cache once committed. */
  private readonly computed: Array<{ termId: number; firstSeq: number; lastSeq: number; states: BoardIndicator[] }> = [];
  private readonly changeLog: ChangeLogWriter;

  constructor(
    private readonly deps: PipelineDeps,
    /** The unit's instant: its rows, change-log entries and audit records carry it. */
    readonly now: number,
    private readonly actor: Actor | null,
    private readonly facts: FactsLedger,
  ) {
    this.changeLog = new ChangeLogWriter(deps.db, deps.logsPayloads);
  }

  /** Records who did what in the audit log, with the change. */
  async audit(event: AuditEvent): Promise<void> {
    if (!this.actor) throw new Error('an audited unit of work needs an actor');
    await this.deps.audit.record(this.actor, event);
  }

  /**
   * Logs changes of indicators of `term`, in order, and returns them as screens get them. Each
   * indicator touched is computed once, from its rows as this unit leaves them: a batch of
   * 10,000 readings of 15 indicators computes 15 states, and every change of a batch carries its
   * indicator's state at the batch's commit (nobody could see a state in between).
   * `known`: indicator rows the caller already loaded (they are not read again).
   */
  async indicatorsChanged(term: TermRow, changes: readonly IndicatorChange[], known: readonly IndicatorRow[] = []): Promise<IndicatorUpdate[]> {
    if (changes.length === 0) return [];
    const ids = [...new Set(changes.map((change) => change.indicatorId))];
    const rows = new Map(known.map((row) => [row.id, row]));
    const missing = ids.filter((id) => !rows.has(id));
    if (missing.length > 0) for (const row of await this.deps.boardRepository.indicatorsByIds(missing)) rows.set(row.id, row);
    const firstSeq = await this.reserve(term.id, changes.length);
    const added = ids.map((id) => changes.flatMap((change) => (change.indicatorId === id && change.reading ? [factOf(change.reading)] : [])));
    const effective = await this.facts.effectiveOf(term.id, spanOf(term), ids, added, this.now, (missing) => this.deps.boardRepository.factsOfIndicators(missing));
    const states = new Map<number, BoardIndicator>();
    for (const id of ids) {
      const row = rows.get(id);
      if (!row || row.termId !== term.id) throw new Error(`indicator ${id} is not of term ${term.id}`);
      states.set(id, this.deps.boards.stateOfTally(row, term, effective.get(id)?.tally ?? tallyOf([]), this.now));
    }

    // Payloads are what another node fills a gap from (a few changes that crossed Redis out of
    // order): a batch keeps its last MAX_REPLAY only, not 10,000 copies of 15 states. A lone node
    // writes none (`logsPayloads`): ~2 KB a change less to write.
    const keepFrom = this.deps.logsPayloads ? changes.length - Math.min(REPLAY_WINDOW, MAX_REPLAY) : changes.length;
    // A state is serialised once per indicator, not once per change, and only for a payload.
    const json = new Map<number, string>();
    const jsonOf = (id: number) => json.get(id) ?? json.set(id, JSON.stringify(states.get(id))).get(id)!;
    const updates: IndicatorUpdate[] = [];
    const entries: ChangeEntry[] = changes.map((change, i) => {
      const seq = firstSeq + i;
      updates.push({ seq, indicator: states.get(change.indicatorId)!, reading: change.reading });
      return {
        kind: change.kind,
        indicatorId: change.indicatorId,
        readingId: change.reading?.id ?? null,
        payload: i < keepFrom ? null : `{"seq":${seq},"indicator":${jsonOf(change.indicatorId)},"reading":${JSON.stringify(change.reading)}}`,
      };
    });
    await this.changeLog.insert(term.id, firstSeq, entries, this.now);
    const lastSeq = firstSeq + changes.length - 1;
    this.computed.push({ termId: term.id, firstSeq, lastSeq, states: [...states.values()] });
    const list = this.updates.get(term.id) ?? [];
    list.push(...updates);
    this.updates.set(term.id, list);
    return updates;
  }

  /**
   * Logs a change an update cannot carry (a group, the term, units, settings; an indicator taken
   * off the board): screens get a fresh snapshot once committed. Returns its `seq`.
   */
  async boardChanged(termId: number, change: { kind: 'group' | 'term' } | { kind: 'indicator'; indicatorId: number } = { kind: 'term' }): Promise<number> {
    const seq = await this.reserve(termId, 1);
    await this.changeLog.insert(termId, seq, [{ kind: change.kind, indicatorId: 'indicatorId' in change ? change.indicatorId : null, readingId: null, payload: null }], this.now);
    this.boardsChanged.add(termId);
    return seq;
  }

  /** Takes the term's next `count` numbers (the first is returned), and tells the facts ledger. */
  private async reserve(termId: number, count: number): Promise<number> {
    const first = await this.changeLog.reserve(termId, count);
    this.facts.reserved(termId, first, first + count - 1, dateInZone(this.now, this.deps.boards.timeZone));
    return first;
  }

  /** A board-wide change of the current term, if there is one (units, settings). */
  async currentBoardChanged(): Promise<void> {
    const term = await this.deps.boardRepository.currentTerm();
    if (term) await this.boardChanged(term.id);
  }

  /** Another term became the current one: its screens move to it once committed. */
  boardMoved(from: number, to: number): void {
    this.moves.push({ from, to });
  }

  /** @internal What the pipeline publishes after the commit. */
  committed(): CommittedChanges & { computed: UnitOfWork['computed'] } {
    return { updates: this.updates, boardsChanged: this.boardsChanged, moves: this.moves, computed: this.computed };
  }
}

/**
 * The one write pipeline (docs/decisions.md, "One write pipeline"). `run` opens a write
 * transaction, lets the work load, check and write through a UnitOfWork, commits, hands the board
 * cache the states the unit computed, lets the publisher send what it recorded, and answers once
 * the commit is durable: the change log is the outbox, and nothing is sent for a unit that rolled
 * back. Services never call the broadcaster.
 */
export class WritePipeline {
  /** The facts of indicators computed lately, so that a reading does not read them all again. */
  private readonly facts = new FactsLedger();

  constructor(private readonly deps: PipelineDeps) {}

  async run<T>(actor: Actor | null, work: (unit: UnitOfWork) => Promise<T>): Promise<T> {
    let unit: UnitOfWork | undefined;
    return this.deps.db.transaction(
      async () => {
        // Made inside: a transaction run again (PostgreSQL) starts from a clean unit.
        unit = new UnitOfWork(this.deps, this.deps.clock.now(), actor, this.facts);
        return work(unit);
      },
      () => this.committed(unit!),
    );
  }

  /**
   * Once the unit has committed, before SQLite's fsync of it (the answer waits for that, screens
   * do not: docs/decisions.md, "Screens are told at the commit"): the board cache takes the states
   * it computed, and the publisher sends them in the next turn. Callbacks run in commit order
   * (server/db/commit-order.ts on PostgreSQL), so publications run in seq order.
   */
  private committed(unit: UnitOfWork): void {
    const committed = unit.committed();
    for (const { termId, firstSeq, lastSeq, states } of committed.computed) {
      if (!committed.boardsChanged.has(termId)) this.deps.boards.accept(termId, firstSeq, lastSeq, unit.now, states);
    }
    setImmediate(() => void this.deps.publisher.publish(committed));
  }

  /**
   * `run` under an Idempotency-Key: the same key again answers the first answer (and writes
   * nothing), a key reused for another request is refused. The key is checked inside the
   * transaction, and the answer kept in it, so two concurrent retries write once.
   */
  async runOnce<T>(actor: Actor, idempotency: Idempotency | undefined, work: (unit: UnitOfWork) => Promise<T>): Promise<{ body: T; replayed: boolean }> {
    if (!idempotency) return { body: await this.run(actor, work), replayed: false };
    // Answered already: no need to wait for the writer.
    const earlier = await this.replay<T>(idempotency);
    if (earlier) return earlier;
    return this.run(actor, async (unit) => {
      const replay = await this.replay<T>(idempotency);
      if (replay) return replay;
      const body = await work(unit);
      await this.deps.idempotency.storeAnswer(idempotency.principal, idempotency.key, { requestHash: idempotency.requestHash, body: JSON.stringify(body) }, unit.now);
      return { body, replayed: false };
    });
  }

  private async replay<T>(idempotency: Idempotency): Promise<{ body: T; replayed: true } | undefined> {
    const stored = await this.deps.idempotency.storedAnswer(idempotency.principal, idempotency.key);
    if (!stored) return undefined;
    if (stored.requestHash !== idempotency.requestHash) throw new DomainError('idempotency_key_reused', 'this Idempotency-Key was used for a different request');
    return { body: JSON.parse(stored.body) as T, replayed: true };
  }
}
