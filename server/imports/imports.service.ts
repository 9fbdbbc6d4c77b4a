import type { ImportPreview, ImportResult, ImportRow } from '../../shared/api/imports';
import type { Measure } from '../../shared/indicator/model';
import { dateInZone, minDate } from '../../shared/time/dates';
import { actorOf } from '../audit/audit.service';
import { canWriteReading, type Principal } from '../auth/principal';
import type { BoardRepository, IndicatorRow, TermRow } from '../board/board.repository';
import { spanOf, type BoardService } from '../board/board.service';
import { givingWay } from '../db/giving-way';
import type { WritePipeline } from '../changes/write-pipeline';
import type { Clock } from '../clock';
import { DomainError } from '../errors';
import { refusalOf, type CheckedReading, type ReadingsService } from '../readings/readings.service';
import type { ImportsRepository } from './imports.repository';
import { readRows, type RawRow } from './parse-file';
import { checkRow, ConflictingRows, KnownReadings, type RowTarget } from './row-rules';
import type { ReadingsExample } from './templates';

/** Rows checked between two turns given to other requests. */
const ROWS_A_TURN = 500;
/** Indicators a template names in its example rows. */
const TEMPLATE_EXAMPLES = 3;

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
    private readonly readings: ReadingsService,
    private readonly pipeline: WritePipeline,
    private readonly clock: Clock,
  ) {}

  async preview(principal: Principal, fileName: string, content: Buffer): Promise<ImportPreview> {
    const raw = await readRows(fileName, content);
    const term = await this.boardService.currentTerm();
    const rows = (await this.check(principal, term, raw, this.clock.now())).map((checked) => checked.row);
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
    if (!stored || stored.kind !== 'readings' || !mine) throw new DomainError('not_found', `import ${importId} not found`);
    if (stored.committedAt !== null) throw new DomainError('conflict', 'this import has already been committed');
    return this.pipeline.run(actorOf(principal, ip), async (unit) => {
      if (!(await this.imports.markCommitted(importId, unit.now))) throw new DomainError('conflict', 'this import has already been committed');
      // Checked again: readings may have come in, or rights changed, or the term closed, since the preview.
      const term = await this.boardService.currentTerm();
      const checked = await this.check(principal, term, stored.rows.map(rawOf), unit.now);
      const errors = checked.filter((c) => c.row.status === 'error');
      if (errors.length > 0) {
        throw new DomainError('validation_failed', `${errors.length} rows have errors: nothing was imported`, { rows: 'errors' });
      }
      const batch = checked.flatMap((c) => (c.row.status === 'new' && c.reading ? [c.reading] : []));
      // In the file's order: each row takes the next `seq`.
      const updates = await this.readings.append(unit, principal, term, batch);
      await unit.audit({
        action: 'import.committed',
        entity: 'import',
        entityId: importId,
        after: { fileName: stored.fileName, imported: updates.length, skipped: checked.length - updates.length, readingIds: updates.map((u) => u.reading!.id) },
      });
      return { imported: updates.length, skipped: checked.length - updates.length, seq: updates.at(-1)?.seq ?? term.lastSeq };
    });
  }

  /**
   * What the template's example rows name: the first indicators of the board the caller may write
   * to (an editor's units' own, an admin's the board's first), dated today in the board's time zone
   * (the term's last day once it is over).
   */
  async templateExample(principal: Principal): Promise<ReadingsExample> {
    const term = await this.boardService.currentTerm();
    const writable = (await this.boards.indicators(term.id)).filter((indicator) => canWriteReading(principal, indicator));
    return {
      date: minDate(dateInZone(this.clock.now(), this.boardService.timeZone), spanOf(term).end),
      codes: writable.slice(0, TEMPLATE_EXAMPLES).map((indicator) => indicator.code),
    };
  }

  /** Each row as the API would take it as a reading now, duplicates of readings there (or of earlier rows) marked. */
  private async check(principal: Principal, term: TermRow, raw: readonly RawRow[], now: number): Promise<Array<{ row: ImportRow; reading?: CheckedReading }>> {
    const span = spanOf(term);
    const today = dateInZone(now, this.boardService.timeZone);
    const byCode = new Map((await this.boards.indicators(term.id)).map((indicator) => [indicator.code.toUpperCase(), indicator]));
    const known = new Map<number, KnownReadings>();
    for (const [id, facts] of await this.boards.factsOfIndicators([...new Set(raw.flatMap((r) => byCode.get(codeOf(r))?.id ?? []))])) known.set(id, new KnownReadings(facts));
    const rows: Array<{ row: ImportRow; reading?: CheckedReading }> = [];
    const conflicts = new ConflictingRows();
    for (const [index, rawRow] of raw.entries()) {
      if (index > 0 && index % ROWS_A_TURN === 0) await givingWay();
      const indicator = byCode.get(codeOf(rawRow));
      const checked = checkRow(rawRow, targetOf(principal, indicator, term), span, today);
      if (checked.row.status !== 'new' || !checked.input || !indicator) {
        rows.push({ row: checked.row });
        continue;
      }
      conflicts.add(index, indicator, checked.input);
      if (known.get(indicator.id)!.repeatedOrAdded(checked.input)) {
        rows.push({ row: { ...checked.row, status: 'duplicate' } });
      } else {
        rows.push({ row: checked.row, reading: { indicator, input: checked.input } });
      }
    }
    // Checked here, in the dry run and again at commit: a contradiction blocks both.
    for (const index of conflicts.indexes()) {
      const { row } = rows[index]!;
      rows[index] = { row: { ...row, status: 'error', errors: { ...row.errors, date: 'conflicting_rows' } } };
    }
    return rows;
  }
}

const codeOf = (raw: RawRow) => String(raw.cells.code ?? '').trim().toUpperCase();

/** The indicator a row names, or why its reading cannot be written (the same rules as the API's). */
function targetOf(principal: Principal, indicator: IndicatorRow | undefined, term: TermRow): RowTarget {
  if (!indicator) return { refusal: 'unknown_indicator' };
  const refusal = refusalOf(principal, indicator, term);
  // The board's indicators are the live ones: an archived one is not found by its code.
  if (refusal === 'archived') return { refusal: 'unknown_indicator' };
  if (refusal) return { refusal };
  return { indicator: { id: indicator.id, measure: indicator.measure as Measure, ownerUnitId: indicator.ownerUnitId } };
}
