import { createHash } from 'node:crypto';
import type { BoardIndicator } from '../../shared/api/board';
import { readingFieldErrors, type Reading, type ReadingInput } from '../../shared/api/readings';
import type { Measure } from '../../shared/indicator/model';
import type { IndicatorUpdate } from '../../shared/realtime/events';
import { dateInZone } from '../../shared/time/dates';
import { actorOf, type AuditService } from '../audit/audit.service';
import { canWriteReading, principalKey, type Principal } from '../auth/principal';
import type { BoardRepository } from '../board/board.repository';
import { spanOf, type BoardService } from '../board/board.service';
import type { Clock } from '../clock';
import { AppError } from '../http/errors';
import type { Broadcaster } from '../realtime/broadcaster';
import type { ChangeLogRepository } from '../changes/change-log.repository';
import type { ReadingsRepository, ReadingWithAuthor } from './readings.repository';

export interface RecordedReading {
  reading: Reading;
  indicator: BoardIndicator;
  seq: number;
}

export interface WriteAnswer<T> {
  status: number;
  body: T;
  /** True when an earlier answer to the same Idempotency-Key was replayed. */
  replayed: boolean;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
export const IDEMPOTENCY_TTL_MS = 48 * 60 * 60 * 1000;

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

/** Recording readings and corrections: the rules of who, what and when, then one transaction. */
export class ReadingsService {
  constructor(
    private readonly readings: ReadingsRepository,
    private readonly changeLog: ChangeLogRepository,
    private readonly boards: BoardRepository,
    private readonly boardService: BoardService,
    private readonly clock: Clock,
    private readonly broadcaster: { indicatorUpdated(termId: number, update: IndicatorUpdate): void },
    private readonly audit: AuditService,
  ) {}

  async record(principal: Principal, indicatorId: number, input: ReadingInput, idempotencyKey?: string, ip = ''): Promise<WriteAnswer<RecordedReading>> {
    const idempotency = idempotencyKey === undefined ? undefined : this.idempotency(principal, idempotencyKey, indicatorId, input);
    if (idempotency) {
      const replay = await this.replay(idempotency);
      if (replay) return replay;
    }
    const indicator = await this.boards.indicator(indicatorId);
    const term = indicator && (await this.boards.term(indicator.termId));
    if (!indicator || !term) throw new AppError('not_found', `indicator ${indicatorId} not found`);
    if (!canWriteReading(principal, indicator)) throw new AppError('forbidden', 'you may not record readings for this indicator');
    if (term.closedAt !== null) throw new AppError('term_closed', `the term "${term.name}" is closed`);
    if (indicator.archivedAt !== null) throw new AppError('conflict', 'the indicator is archived');

    const now = this.clock.now();
    const today = dateInZone(now, this.boardService.timeZone);
    const fields: Record<string, string> = readingFieldErrors(input, indicator.measure as Measure, spanOf(term), today);
    if (input.supersedes !== undefined) {
      const corrected = await this.readings.reading(input.supersedes);
      if (!corrected || corrected.indicatorId !== indicatorId) fields.supersedes = 'not_found';
    }
    if (input.reason !== undefined && input.supersedes === undefined) fields.reason = 'not_allowed';
    if (Object.keys(fields).length > 0) throw new AppError('validation_failed', 'the reading is not valid for this indicator', fields);

    const answer = await this.readings.transaction(async (): Promise<WriteAnswer<RecordedReading>> => {
      if (idempotency) {
        const replay = await this.replay(idempotency);
        if (replay) return replay;
      }
      const body = await this.append(principal, { id: indicatorId, termId: term.id }, input, now);
      const readingId = body.reading.id;
      await this.audit.record(actorOf(principal, ip), {
        action: input.supersedes === undefined ? 'reading.created' : 'reading.corrected',
        entity: 'reading',
        entityId: readingId,
        before: input.supersedes === undefined ? null : toReading((await this.readings.reading(input.supersedes))!),
        after: body.reading,
      });
      if (idempotency) {
        await this.readings.storeAnswer(idempotency.principal, idempotency.key, { requestHash: idempotency.requestHash, status: 201, body: JSON.stringify(body) }, now);
      }
      return { status: 201, body, replayed: false };
    });
    if (!answer.replayed) this.broadcaster.indicatorUpdated(term.id, answer.body);
    return answer;
  }

  /**
   * Writes one reading (or correction) with its change-log entry and the payload screens get.
   * Call inside a write transaction; the caller audits and broadcasts once it commits.
   */
  async append(principal: Principal, indicator: { id: number; termId: number }, input: ReadingInput, now: number): Promise<RecordedReading> {
    const readingId = await this.readings.insert({
      indicatorId: indicator.id,
      date: input.date,
      value: input.value ?? null,
      numerator: input.numerator ?? null,
      denominator: input.denominator ?? null,
      note: input.note ?? '',
      evidence: input.evidence ?? '',
      authorUserId: principal.kind === 'user' ? principal.userId : null,
      authorTokenId: principal.kind === 'user' ? null : principal.tokenId,
      createdAt: now,
      supersedesId: input.supersedes ?? null,
      reason: input.reason ?? '',
    });
    if (input.supersedes !== undefined && !(await this.readings.markSuperseded(input.supersedes, indicator.id, readingId))) {
      // Someone corrected it first: this correction was based on a revision that is no longer current.
      throw new AppError('conflict', `reading ${input.supersedes} has already been corrected`);
    }
    const seq = await this.changeLog.append({
      termId: indicator.termId,
      kind: input.supersedes === undefined ? 'reading' : 'correction',
      indicatorId: indicator.id,
      readingId,
      now,
    });
    const body: RecordedReading = {
      reading: toReading((await this.readings.reading(readingId))!),
      indicator: await this.boardService.indicatorNow(indicator.id),
      seq,
    };
    await this.changeLog.keepPayload(indicator.termId, seq, body);
    return body;
  }

  /** Newest first; `before` pages on from a reading id. */
  async list(indicatorId: number, limit: number, before?: number): Promise<Reading[]> {
    if (!(await this.boards.indicator(indicatorId))) throw new AppError('not_found', `indicator ${indicatorId} not found`);
    return (await this.readings.page(indicatorId, limit, before)).map(toReading);
  }

  forgetOldAnswers(): Promise<void> {
    return this.readings.forgetAnswersBefore(this.clock.now() - IDEMPOTENCY_TTL_MS);
  }

  private idempotency(principal: Principal, key: string, indicatorId: number, input: ReadingInput) {
    if (!IDEMPOTENCY_KEY.test(key)) {
      throw new AppError('validation_failed', 'Idempotency-Key must be 1–200 visible ASCII characters', { 'Idempotency-Key': 'invalid' });
    }
    const requestHash = createHash('sha256').update(JSON.stringify({ indicatorId, input })).digest('hex');
    return { principal: principalKey(principal), key, requestHash };
  }

  private async replay(idempotency: { principal: string; key: string; requestHash: string }): Promise<WriteAnswer<RecordedReading> | undefined> {
    const stored = await this.readings.storedAnswer(idempotency.principal, idempotency.key);
    if (!stored) return undefined;
    if (stored.requestHash !== idempotency.requestHash) {
      throw new AppError('idempotency_key_reused', 'this Idempotency-Key was used for a different request');
    }
    return { status: stored.status, body: JSON.parse(stored.body) as RecordedReading, replayed: true };
  }
}
