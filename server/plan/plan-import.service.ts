import { PLAN_COLUMNS, type PlanImportPreview, type PlanImportRow } from '../../shared/api/plan-imports';
import { indicatorDefinitionSchema } from '../../shared/api/plan';
import { PLAN_HEADERS } from '../../shared/api/spreadsheet-headers';
import { AGGREGATIONS, DIRECTIONS, FREQUENCIES, MEASURES } from '../../shared/indicator/model';
import { actorOf } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import type { WritePipeline } from '../changes/write-pipeline';
import type { Clock } from '../clock';
import { DomainError } from '../errors';
import type { ImportsRepository } from '../imports/imports.repository';
import { readTable, type RawRow } from '../imports/parse-file';
import { parseNumber } from '../imports/row-rules';
import type { UnitsRepository } from '../units/units.repository';
import type { PlanRepository, TermRow } from './plan.repository';

const SHAPE = { columns: PLAN_COLUMNS, headers: PLAN_HEADERS, required: ['group', 'code', 'name'] };
const text = (cell: unknown) => (cell === undefined || cell === null ? '' : String(cell).trim());
const key = (name: string) => name.trim().toLocaleLowerCase('vi');

/** "2026: 5; 2027: 9" → milestones; undefined when it does not read so. */
function parseMilestones(cell: string): Array<{ year: number; value: number }> | undefined {
  if (!cell) return [];
  const milestones = [];
  for (const part of cell.split(';').map((p) => p.trim()).filter(Boolean)) {
    const match = /^(\d{4})\s*:\s*(.+)$/.exec(part);
    const value = match && parseNumber(match[2]);
    if (!match || typeof value !== 'number') return undefined;
    milestones.push({ year: Number(match[1]), value });
  }
  return milestones;
}

/**
 * A term's plan from a spreadsheet (the congress resolution's annex): indicator definitions
 * previewed row by row with the shared rules, then committed all at once, groups created by name.
 */
export class PlanImportService {
  constructor(
    private readonly plan: PlanRepository,
    private readonly units: UnitsRepository,
    private readonly imports: ImportsRepository,
    private readonly pipeline: WritePipeline,
    private readonly clock: Clock,
  ) {}

  async preview(principal: Principal, termId: number, fileName: string, content: Buffer): Promise<PlanImportPreview> {
    await this.openTerm(termId);
    const rows = await this.check(termId, await readTable(fileName, content, SHAPE));
    const id = await this.imports.create({ userId: principal.kind === 'user' ? principal.userId : null, tokenId: null, fileName, rows, now: this.clock.now(), kind: 'plan', termId });
    return { id, fileName, rows, counts: { new: rows.filter((r) => r.status === 'new').length, error: rows.filter((r) => r.status === 'error').length } };
  }

  async commit(principal: Principal, importId: number, ip: string): Promise<{ imported: number; groupsCreated: number }> {
    const stored = await this.imports.find(importId);
    if (!stored || stored.kind !== 'plan' || stored.termId === null || principal.kind !== 'user' || stored.userId !== principal.userId) {
      throw new DomainError('not_found', `plan import ${importId} not found`);
    }
    if (stored.committedAt !== null) throw new DomainError('conflict', 'this import has already been committed');
    const termId = stored.termId;
    return this.pipeline.run(actorOf(principal, ip), async (unit) => {
      const term = await this.openTerm(termId);
      if (!(await this.imports.markCommitted(importId, unit.now))) throw new DomainError('conflict', 'this import has already been committed');
      // Checked again against the plan as it is now.
      const rows = await this.check(termId, (stored.rows as unknown as PlanImportRow[]).map(rawOf));
      if (rows.some((r) => r.status === 'error')) throw new DomainError('validation_failed', 'some rows have errors: nothing was imported', { rows: 'errors' });
      const groups = new Map((await this.plan.groups(termId)).map((g) => [key(g.name), g.id]));
      let groupsCreated = 0;
      const unitIds = await this.unitIdsByName();
      const created: number[] = [];
      for (const row of rows) {
        let groupId = groups.get(key(row.group));
        if (groupId === undefined) {
          groupId = await this.plan.insertGroup(termId, row.group);
          groups.set(key(row.group), groupId);
          groupsCreated++;
        }
        const id = await this.plan.insertIndicator({
          termId,
          groupId,
          ownerUnitId: unitIds.get(key(row.ownerUnit))!,
          code: row.code,
          name: row.name,
          description: '',
          measure: row.measure,
          aggregation: row.aggregation,
          direction: row.direction,
          unitLabel: row.unit,
          baseline: row.baseline!,
          target: row.target!,
          milestones: JSON.stringify(row.milestones),
          updateFrequency: row.updateFrequency,
          decimals: row.decimals ?? 0,
          displayOrder: await this.plan.nextIndicatorOrder(termId),
          createdAt: unit.now,
        });
        created.push(id);
        await unit.audit({ action: 'indicator.created', entity: 'indicator', entityId: id, after: { ...row, importId } });
      }
      // New groups and indicators: screens take a fresh board.
      if (groupsCreated > 0) await unit.boardChanged(termId, { kind: 'group' });
      await unit.indicatorsChanged(term, created.map((indicatorId) => ({ kind: 'indicator', indicatorId, reading: null })));
      return { imported: rows.length, groupsCreated };
    });
  }

  /**
   * The template's example row: an indicator defined as the plan's columns want it, in the term's
   * first group and owned by the first unit, so that the names it shows are the board's own.
   */
  async templateExample(termId: number): Promise<Record<(typeof PLAN_COLUMNS)[number], string | number>> {
    if (!(await this.plan.term(termId))) throw new DomainError('not_found', `term ${termId} not found`);
    const [group] = await this.plan.groups(termId);
    const [owner] = (await this.units.list()).filter((u) => u.mergedIntoId === null);
    return {
      group: group?.name ?? 'Chuyển đổi số',
      code: 'VD-01',
      name: 'Hồ sơ lưu trữ điện tử',
      description: '',
      owner_unit: owner?.name ?? '',
      measure: 'percent',
      aggregation: 'latest',
      direction: 'increase',
      unit: '%',
      baseline: 60,
      target: 95,
      frequency: 'quarter',
      decimals: 1,
      milestones: '2026: 70; 2028: 85',
    };
  }

  private async check(termId: number, raw: RawRow<string>[]): Promise<PlanImportRow[]> {
    const unitIds = await this.unitIdsByName();
    const seen = new Set<string>();
    const checked: PlanImportRow[] = [];
    // Row by row: a code repeated in the file is caught by `seen`, one already in the term by the database.
    for (const r of raw) {
      const cells = r.cells;
      const errors: Record<string, string> = {};
      const numberOf = (field: string, cell: unknown, required: boolean) => {
        const value = parseNumber(cell as string | number | undefined);
        if (value === 'invalid') errors[field] = 'invalid_number';
        else if (value === null && required) errors[field] = 'required';
        return typeof value === 'number' ? value : null;
      };
      const choice = (field: string, cell: unknown, allowed: readonly string[]) => {
        const value = text(cell).toLowerCase();
        if (!value) errors[field] = 'required';
        else if (!allowed.includes(value)) errors[field] = 'invalid_value';
        return value;
      };
      const row: PlanImportRow = {
        row: r.row,
        code: text(cells.code).toUpperCase(),
        name: text(cells.name),
        group: text(cells.group),
        ownerUnit: text(cells.owner_unit),
        measure: choice('measure', cells.measure, MEASURES),
        aggregation: choice('aggregation', cells.aggregation, AGGREGATIONS),
        direction: choice('direction', cells.direction, DIRECTIONS),
        unit: text(cells.unit),
        baseline: numberOf('baseline', cells.baseline, true),
        target: numberOf('target', cells.target, true),
        updateFrequency: choice('updateFrequency', cells.frequency, FREQUENCIES),
        decimals: numberOf('decimals', cells.decimals, false),
        milestones: [],
        status: 'error',
        errors,
      };
      for (const field of ['code', 'name', 'group'] as const) if (!row[field]) errors[field] = 'required';
      const milestones = parseMilestones(text(cells.milestones));
      if (milestones === undefined) errors.milestones = 'invalid_milestones';
      else row.milestones = milestones;
      const ownerUnitId = unitIds.get(key(row.ownerUnit));
      if (!row.ownerUnit) errors.ownerUnit = 'required';
      else if (ownerUnitId === undefined) errors.ownerUnit = 'unknown_unit';
      if (row.code && (seen.has(row.code) || (await this.plan.codeTaken(termId, row.code)))) errors.code = 'taken';
      seen.add(row.code);
      if (Object.keys(errors).length === 0) {
        const definition = indicatorDefinitionSchema.safeParse({
          code: row.code,
          name: row.name,
          groupId: 1,
          ownerUnitId: ownerUnitId!,
          measure: row.measure,
          aggregation: row.aggregation,
          direction: row.direction,
          unit: row.unit,
          baseline: row.baseline,
          target: row.target,
          milestones: row.milestones,
          updateFrequency: row.updateFrequency,
          decimals: row.decimals ?? 0,
        });
        if (!definition.success) for (const issue of definition.error.issues) errors[String(issue.path[0] ?? 'row')] ??= issue.code;
      }
      checked.push({ ...row, status: Object.keys(errors).length === 0 ? 'new' : 'error' });
    }
    return checked;
  }

  private async unitIdsByName(): Promise<Map<string, number>> {
    return new Map((await this.units.list()).filter((u) => u.mergedIntoId === null).map((u) => [key(u.name), u.id]));
  }

  private async openTerm(termId: number): Promise<TermRow> {
    const term = await this.plan.term(termId);
    if (!term) throw new DomainError('not_found', `term ${termId} not found`);
    if (term.closedAt !== null) throw new DomainError('term_closed', `the term "${term.name}" is closed`);
    return term;
  }
}

/** Back from a stored row to the cells it was read from, to check it again at commit. */
function rawOf(row: PlanImportRow): RawRow<string> {
  return {
    row: row.row,
    cells: {
      group: row.group,
      code: row.code,
      name: row.name,
      owner_unit: row.ownerUnit,
      measure: row.measure,
      aggregation: row.aggregation,
      direction: row.direction,
      unit: row.unit,
      ...(row.baseline !== null ? { baseline: row.baseline } : {}),
      ...(row.target !== null ? { target: row.target } : {}),
      frequency: row.updateFrequency,
      ...(row.decimals !== null ? { decimals: row.decimals } : {}),
      milestones: row.milestones.map((m) => `${m.year}:${m.value}`).join('; '),
    },
  };
}
