import { createHash } from 'node:crypto';
import type { BoardIndicator } from '../../shared/api/board';
import { readingFieldErrors, type BatchReading, type Reading, type ReadingInput, type ReadingsBatchResult, type RecordedReading } from '../../shared/api/readings';
import type { Measure } from '../../shared/indicator/model';
import type { IndicatorUpdate } from '../../shared/realtime/events';
import { dateInZone } from '../../shared/time/dates';
import { actorOf } from '../audit/audit.service';
import { canWriteReading, principalKey, type Principal } from '../auth/principal';
import type { BoardRepository, IndicatorRow, TermRow } from '../board/board.repository';
import { spanOf } from '../board/board.service';
import type { Clock } from '../clock';
import { givingWay } from '../db/giving-way';
import type { IdempotencyRepository } from '../changes/idempotency.repository';
import type { Idempotency, UnitOfWork, WritePipeline } from '../changes/write-pipeline';
import { DomainError } from '../errors';
import { ConflictingRows, KnownReadings } from '../imports/row-rules';
import type { ReadingRow, ReadingsRepository, ReadingWithAuthor } from './readings.repository';

/** The answer to a write sent with an Idempotency-Key: `replayed` when it is the first answer again. */
export interface OnceAnswer<T> {
  body: T;
  replayed: boolean;
}

/** A reading to write, with the indicator it was checked against. */
export interface CheckedReading {
  indicator: IndicatorRow;
  input: ReadingInput;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
export const IDEMPOTENCY_TTL_MS = 48 * 60 * 60 * 1000;
/** Readings written between two turns given to other requests. */
const READINGS_A_TURN = 500;

export function toReading(row: ReadingWithAuthor): Reading {
  const author: Reading['author'] =
    row.authorUserId !== null
      ? { kind: 'user', id: row.authorUserId, name: row.authorUserName ?? '' }
      : row.authorTokenId !== null
        ? { kind: 'token', id: row.authorTokenId, name: row.authorTokenName ?? '' }
        : { kind: 'system', id: null, name: '' };
  return {
    id: row.id,
    indicatorId: row.indicatorId,
    date: row.date,
    value: row.value,
    numerator: row.numerator,
    denominator: row.denominator,
    note: row.note,
    evidence: row.evidence,
    author,
    createdAt: new Date(row.createdAt).toISOString(),
    supersedesId: row.supersedesId,
    supersededById: row.supersededById,
    correction: row.supersedesId !== null,
    reason: row.reason,
  };
}

/** Why `principal` may not write readings of `indicator` now, or undefined when it may. */
export function refusalOf(principal: Principal, indicator: IndicatorRow, term: TermRow): 'forbidden' | 'term_closed' | 'archived' | undefined {
  if (!canWriteReading(principal, indicator)) return 'forbidden';
  if (term.closedAt !== null) return 'term_closed';
  if (indicator.archivedAt !== null) return 'archived';
  return undefined;
}

/** An Idempotency-Key for `request` (the method and what was sent), per caller. */
export function idempotencyOf(principal: Principal, key: string | undefined, request: unknown): Idempotency | undefined {
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new DomainError('validation_failed', 'Idempotency-Key must be 1–200 visible ASCII characters', { 'Idempotency-Key': 'invalid' });
  }
  const requestHash = createHash('sha256').update(JSON.stringify(request)).digest('hex');
  return { principal: principalKey(principal), key, requestHash };
}

/**
 * Recording readings and corrections through the write pipeline: who, what and when are checked
 * inside the transaction that writes (a term closed a moment before refuses the reading).
 */
export class ReadingsService {
  constructor(
    private readonly readings: ReadingsRepository,
    private readonly boards: BoardRepository,
    private readonly pipeline: WritePipeline,
    private readonly idempotency: IdempotencyRepository,
    private readonly clock: Clock,
    private readonly timeZone: string,
  ) {}

  async record(principal: Principal, indicatorId: number, input: ReadingInput, idempotencyKey?: string, ip = ''): Promise<OnceAnswer<RecordedReading>> {
    const idempotency = idempotencyOf(principal, idempotencyKey, { indicatorId, input });
    return this.pipeline.runOnce(actorOf(principal, ip), idempotency, async (unit) => {
      const found = await this.boards.indicatorWithTerm(indicatorId);
      if (!found) throw new DomainError('not_found', `indicator ${indicatorId} not found`);
      const { indicator, term } = found;
      const refusal = refusalOf(principal, indicator, term);
      if (refusal === 'forbidden') throw new DomainError('forbidden', 'you may not record readings for this indicator');
      if (refusal === 'term_closed') throw new DomainError('term_closed', `the term "${term.name}" is closed`);
      if (refusal === 'archived') throw new DomainError('conflict', 'the indicator is archived');

      const fields: Record<string, string> = readingFieldErrors(input, indicator.measure as Measure, spanOf(term), dateInZone(unit.now, this.timeZone));
      const corrected = input.supersedes === undefined ? undefined : await this.readings.reading(input.supersedes);
      if (input.supersedes !== undefined && corrected?.indicatorId !== indicatorId) fields.supersedes = 'not_found';
      if (input.reason !== undefined && input.supersedes === undefined) fields.reason = 'not_allowed';
      if (Object.keys(fields).length > 0) throw new DomainError('validation_failed', 'the reading is not valid for this indicator', fields);

      const [update] = await this.append(unit, principal, term, [{ indicator, input }]);
      const reading = update!.reading!;
      await unit.audit({
        action: corrected ? 'reading.corrected' : 'reading.created',
        entity: 'reading',
        entityId: reading.id,
        before: corrected ? toReading(corrected) : null,
        after: reading,
      });
      return { reading, indicator: update!.indicator, seq: update!.seq };
    });
  }

  /**
   * Writes checked readings (and corrections) of one term, in order, with their change-log
   * entries; each indicator touched is computed once, after all its rows. Large batches give way
   * to other requests every READINGS_A_TURN rows. Call inside a unit of work; the caller audits.
   */
  async append(unit: UnitOfWork, principal: Principal, term: TermRow, batch: readonly CheckedReading[]): Promise<IndicatorUpdate[]> {
    const author = principal.kind === 'user' ? { userId: principal.userId, tokenId: null, name: principal.displayName } : { userId: null, tokenId: principal.tokenId, name: principal.name };
    const written: ReadingRow[] = [];
    for (let start = 0; start < batch.length; start += READINGS_A_TURN) {
      if (start > 0) await givingWay();
      const rows = batch.slice(start, start + READINGS_A_TURN).map(({ indicator, input }) => ({
        indicatorId: indicator.id,
        date: input.date,
        value: input.value ?? null,
        numerator: input.numerator ?? null,
        denominator: input.denominator ?? null,
        note: input.note ?? '',
        evidence: input.evidence ?? '',
        authorUserId: author.userId,
        authorTokenId: author.tokenId,
        createdAt: unit.now,
        supersedesId: input.supersedes ?? null,
        reason: input.reason ?? '',
      }));
      written.push(...(await this.readings.insert(rows)));
    }
    for (const row of written) {
      if (row.supersedesId !== null && !(await this.readings.markSuperseded(row.supersedesId, row.indicatorId, row.id))) {
        // Someone corrected it first: this correction was based on a revision that is no longer current.
        throw new DomainError('conflict', `reading ${row.supersedesId} has already been corrected`);
      }
    }
    const changes = written.map((row) => ({
      kind: row.supersedesId === null ? ('reading' as const) : ('correction' as const),
      indicatorId: row.indicatorId,
      reading: toReading({ ...row, authorUserName: principal.kind === 'user' ? author.name : null, authorTokenName: principal.kind === 'user' ? null : author.name }),
    }));
    return unit.indicatorsChanged(
      term,
      changes,
      batch.map((checked) => checked.indicator),
    );
  }

  /**
   * Readings of the current board sent together (`POST /api/readings`): each checked with the
   * rules of a single reading, written all or none in one unit of work. A reading equal to one
   * already there (or earlier in the batch) is skipped, as in imports, and two different figures
   * for one date of an indicator taking its latest reading are `conflicting_rows` on each (the
   * rule of file imports, docs/decisions.md). Errors name their reading: `readings.<index>.<field>`.
   */
  async recordBatch(principal: Principal, readings: readonly BatchReading[], idempotencyKey?: string, ip = ''): Promise<OnceAnswer<ReadingsBatchResult>> {
    const idempotency = idempotencyOf(principal, idempotencyKey, { batch: readings });
    return this.pipeline.runOnce(actorOf(principal, ip), idempotency, async (unit) => {
      const term = await this.boards.currentTerm();
      if (!term) throw new DomainError('not_found', 'there is no current term');
      const live = await this.boards.indicators(term.id);
      const byCode = new Map(live.map((indicator) => [indicator.code.toUpperCase(), indicator]));
      const byId = new Map(live.map((indicator) => [indicator.id, indicator]));
      const indicatorOf = (reading: BatchReading) => (reading.code !== undefined ? byCode.get(reading.code.toUpperCase()) : byId.get(reading.indicatorId!));
      const known = new Map<number, KnownReadings>();
      for (const [id, facts] of await this.boards.factsOfIndicators([...new Set(readings.flatMap((r) => indicatorOf(r)?.id ?? []))])) known.set(id, new KnownReadings(facts));
      const span = spanOf(term);
      const today = dateInZone(unit.now, this.timeZone);
      const fields: Record<string, string> = {};
      const batch: CheckedReading[] = [];
      const conflicts = new ConflictingRows();
      for (const [index, reading] of readings.entries()) {
        if (index > 0 && index % READINGS_A_TURN === 0) await givingWay();
        const { code, indicatorId, ...input } = reading;
        const named = `readings.${index}.${code !== undefined ? 'code' : 'indicatorId'}`;
        const indicator = indicatorOf(reading);
        const refusal = indicator ? refusalOf(principal, indicator, term) : 'unknown_indicator';
        if (!indicator || refusal) {
          fields[named] = refusal!;
          continue;
        }
        const errors = Object.entries(readingFieldErrors(input, indicator.measure as Measure, span, today));
        for (const [field, error] of errors) fields[`readings.${index}.${field}`] = error;
        if (errors.length > 0) continue;
        conflicts.add(index, indicator, input);
        if (!known.get(indicator.id)!.repeatedOrAdded(input)) batch.push({ indicator, input });
      }
      // Two figures for one date of an indicator taking its latest reading: the batch contradicts itself, as a file can.
      for (const index of conflicts.indexes()) fields[`readings.${index}.date`] = 'conflicting_rows';
      if (Object.keys(fields).length > 0) throw new DomainError('validation_failed', 'some readings are not valid: nothing was recorded', fields);
      const updates = await this.append(unit, principal, term, batch);
      await unit.audit({
        action: 'import.committed',
        entity: 'readings',
        entityId: null,
        after: { imported: updates.length, skipped: readings.length - updates.length, readingIds: updates.map((u) => u.reading!.id) },
      });
      return { imported: updates.length, seq: updates.at(-1)?.seq ?? term.lastSeq };
    });
  }

  /** Newest first; `before` pages on from a reading id. */
  async list(indicatorId: number, limit: number, before?: number): Promise<Reading[]> {
    if (!(await this.boards.indicator(indicatorId))) throw new DomainError('not_found', `indicator ${indicatorId} not found`);
    return (await this.readings.page(indicatorId, limit, before)).map(toReading);
  }

  forgetOldAnswers(): Promise<void> {
    return this.idempotency.forgetAnswersBefore(this.clock.now() - IDEMPOTENCY_TTL_MS);
  }
}
