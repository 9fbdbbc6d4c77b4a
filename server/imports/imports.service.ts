import type { ImportPreview, ImportResult, ImportRow } from '../../shared/api/imports';
import type { ReadingFact } from '../../shared/indicator/model';
import type { Measure } from '../../shared/indicator/model';
import type { IndicatorUpdate } from '../../shared/realtime/events';
import { dateInZone } from '../../shared/time/dates';
import { actorOf, type AuditService } from '../audit/audit.service';
import { canWriteReading, type Principal } from '../auth/principal';
import type { BoardRepository } from '../board/board.repository';
import { spanOf, type BoardService } from '../board/board.service';
import type { Clock } from '../clock';
import { AppError } from '../http/errors';
import type { ReadingsRepository } from '../readings/readings.repository';
import type { ReadingsService, RecordedReading } from '../readings/readings.service';
import type { ImportsRepository } from './imports.repository';
import { readRows, type RawRow } from './parse-file';
import { checkRow, isDuplicate, type RowTarget } from './row-rules';

function counts(rows: ImportRow[]): ImportPreview['counts'] {
  return {
    new: rows.filter((r) => r.status === 'new').length,
    duplicate: rows.filter((r) => r.status === 'duplicate').length,
    error: rows.filter((r) => r.status === 'error').length,
  };
}

/** Back from a stored row to the cells it was read from, to check it again at commit. */
function rawOf(row: ImportRow): RawRow {
  const cells: RawRow['cells'] = { code: row.code, date: row.date, note: row.note, evidence: row.evidence };
  if (row.value !== null) cells.value = row.value;
  if (row.numerator !== null) cells.numerator = row.numerator;
  if (row.denominator !== null) cells.denominator = row.denominator;
  return { row: row.row, cells };
}

/**
 * Readings from a CSV or XLSX file: a dry run that says what each row would do, then a commit
 * of all its new rows in one transaction, or none. Rows equal to a reading already there are
 * skipped, so importing the same file twice writes nothing the second time.
 */
export class ImportsService {
  constructor(
    private readonly imports: ImportsRepository,
    private readonly boards: BoardRepository,
    private readonly boardService: BoardService,
    private readonly readingsRepository: ReadingsRepository,
    private readonly readings: ReadingsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly broadcast: (termId: number, changes: IndicatorUpdate[]) => void,
  ) {}

  async preview(principal: Principal, fileName: string, content: Buffer): Promise<ImportPreview> {
    const raw = await readRows(fileName, content);
    const rows = (await this.check(principal, raw)).map((checked) => checked.row);
    const id = await this.imports.create({
      userId: principal.kind === 'user' ? principal.userId : null,
      tokenId: principal.kind === 'user' ? null : principal.tokenId,
      fileName,
      rows,
      now: this.clock.now(),
    });
    return { id, fileName, rows, counts: counts(rows) };
  }

  async commit(principal: Principal, importId: number, ip: string): Promise<ImportResult> {
    const stored = await this.imports.find(importId);
    const mine = stored && (principal.kind === 'user' ? stored.userId === principal.userId : stored.tokenId === principal.tokenId);
    if (!stored || stored.kind !== 'readings' || !mine) throw new AppError('not_found', `import ${importId} not found`);
    if (stored.committedAt !== null) throw new AppError('conflict', 'this import has already been committed');
    const term = await this.boardService.currentTerm();
    const now = this.clock.now();
    const { changes, skipped } = await this.readingsRepository.transaction(async () => {
      // Checked again: readings may have come in, or rights changed, since the preview.
      const checked = await this.check(principal, stored.rows.map(rawOf));
      const errors = checked.filter((c) => c.row.status === 'error');
      if (errors.length > 0) {
        throw new AppError('validation_failed', `${errors.length} rows have errors: nothing was imported`, { rows: 'errors' });
      }
      const written = checked.flatMap((c) => (c.row.status === 'new' && c.input && c.indicatorId !== undefined ? [c] : []));
      // One after the other: each takes the next `seq`, in the file's order.
      const changes: RecordedReading[] = [];
      for (const c of written) changes.push(await this.readings.append(principal, { id: c.indicatorId!, termId: term.id }, c.input!, now));
      if (!(await this.imports.markCommitted(importId, now))) throw new AppError('conflict', 'this import has already been committed');
      await this.audit.record(actorOf(principal, ip), {
        action: 'import.committed',
        entity: 'import',
        entityId: importId,
        after: { fileName: stored.fileName, imported: changes.length, skipped: checked.length - changes.length, readingIds: changes.map((c) => c.reading.id) },
      });
      return { changes, skipped: checked.length - changes.length };
    });
    // One message for the batch: screens apply it in seq order like single updates.
    if (changes.length > 0) this.broadcast(term.id, changes);
    return { imported: changes.length, skipped, seq: changes.at(-1)?.seq ?? term.lastSeq };
  }

  private async check(principal: Principal, raw: RawRow[]) {
    const term = await this.boardService.currentTerm();
    const span = spanOf(term);
    const today = dateInZone(this.clock.now(), this.boardService.timeZone);
    const byCode = new Map((await this.boards.indicators(term.id)).map((indicator) => [indicator.code.toUpperCase(), indicator]));
    const factsOf = new Map<number, ReadingFact[]>();
    let pendingId = -1;
    const rows: Array<ReturnType<typeof checkRow> & { indicatorId: number | undefined }> = [];
    for (const rawRow of raw) {
      const indicator = byCode.get(String(rawRow.cells.code ?? '').trim().toUpperCase());
      const target: RowTarget = !indicator
        ? { refusal: 'unknown_indicator' }
        : term.closedAt !== null
          ? { refusal: 'term_closed' }
          : !canWriteReading(principal, indicator)
            ? { refusal: 'forbidden' }
            : { indicator: { id: indicator.id, measure: indicator.measure as Measure, ownerUnitId: indicator.ownerUnitId } };
      const checked = checkRow(rawRow, target, span, today);
      if (checked.row.status !== 'new' || !checked.input || !indicator) {
        rows.push({ ...checked, indicatorId: indicator?.id });
        continue;
      }
      let facts = factsOf.get(indicator.id);
      if (!facts) factsOf.set(indicator.id, (facts = await this.boards.factsOfIndicator(indicator.id)));
      if (isDuplicate(checked.input, facts)) {
        rows.push({ row: { ...checked.row, status: 'duplicate' }, indicatorId: indicator.id });
        continue;
      }
      // Later rows of the same file are compared with this one too.
      const { input } = checked;
      facts.push({ id: pendingId--, date: input.date, value: input.value ?? null, numerator: input.numerator ?? null, denominator: input.denominator ?? null, createdAt: 0, supersedesId: null });
      rows.push({ ...checked, indicatorId: indicator.id });
    }
    return rows;
  }
}
