import type { CreateTermRequest, IndicatorDefinition, Term } from '../../shared/api/plan';
import { indicatorDefinitionSchema, indicatorPatchSchema } from '../../shared/api/plan';
import { computeProgress } from '../../shared/indicator/progress';
import { startOfDayInZone, addDays } from '../../shared/time/dates';
import type { z } from 'zod';
import { actorOf } from '../audit/audit.service';
import { isAdmin, type Principal } from '../auth/principal';
import type { BoardRepository } from '../board/board.repository';
import { ruleOf, spanOf, type BoardService } from '../board/board.service';
import type { WritePipeline } from '../changes/write-pipeline';
import { DomainError, zodFields } from '../errors';
import type { IndicatorRow, PlanRepository, TermRow } from './plan.repository';

function toTerm(row: TermRow): Term {
  return { id: row.id, name: row.name, start: row.startDate, end: row.endDate, current: row.isCurrent, closed: row.closedAt !== null, previousTermId: row.previousTermId };
}

/** The definition as stored, in the shape of the shared schema (for patches and the audit log). */
function definitionOf(row: IndicatorRow): IndicatorDefinition {
  return {
    code: row.code,
    name: row.name,
    description: row.description,
    groupId: row.groupId,
    ownerUnitId: row.ownerUnitId,
    measure: row.measure as IndicatorDefinition['measure'],
    aggregation: row.aggregation as IndicatorDefinition['aggregation'],
    direction: row.direction as IndicatorDefinition['direction'],
    unit: row.unitLabel,
    baseline: row.baseline,
    target: row.target,
    milestones: JSON.parse(row.milestones) as IndicatorDefinition['milestones'],
    updateFrequency: row.updateFrequency as IndicatorDefinition['updateFrequency'],
    decimals: row.decimals,
    displayOrder: row.displayOrder,
  };
}

/**
 * Terms, groups and indicators, for admins. Every change goes through the write pipeline: checked,
 * written with its change-log entry and audit record in one transaction, then published.
 */
export class PlanService {
  constructor(
    private readonly plan: PlanRepository,
    private readonly boardRepository: BoardRepository,
    private readonly boards: BoardService,
    private readonly pipeline: WritePipeline,
  ) {}

  authorize(principal: Principal): void {
    if (!isAdmin(principal)) throw new DomainError('forbidden', 'only an admin changes the plan');
  }

  async terms(): Promise<Term[]> {
    return (await this.plan.terms()).map(toTerm);
  }

  /** A new term; with `carryOverFrom`, its groups and indicators, baselines set to the final values. */
  async createTerm(principal: Principal, request: CreateTermRequest, ip: string): Promise<Term> {
    this.authorize(principal);
    return this.pipeline.run(actorOf(principal, ip), async (unit) => {
      const source = request.carryOverFrom === undefined ? undefined : await this.plan.term(request.carryOverFrom);
      if (request.carryOverFrom !== undefined && !source) throw new DomainError('validation_failed', 'no such term to carry over', { carryOverFrom: 'not_found' });
      const id = await this.plan.insertTerm({ name: request.name, start: request.start, end: request.end, previousTermId: source?.id ?? null, now: unit.now });
      let carried = 0;
      if (source) carried = await this.carryOver(source, id, request.targets ?? {}, unit.now);
      const term = toTerm((await this.plan.term(id))!);
      await unit.audit({ action: 'term.created', entity: 'term', entityId: id, after: { ...term, carriedOver: carried } });
      return term;
    });
  }

  async closeTerm(principal: Principal, id: number, ip: string): Promise<Term> {
    this.authorize(principal);
    return this.pipeline.run(actorOf(principal, ip), async (unit) => {
      const before = await this.openTerm(id, 'already closed');
      await this.plan.closeTerm(id, unit.now);
      await unit.boardChanged(id);
      const after = toTerm((await this.plan.term(id))!);
      await unit.audit({ action: 'term.closed', entity: 'term', entityId: id, before: toTerm(before), after });
      return after;
    });
  }

  /** Screens follow the current term: they move to its board at once. */
  async makeCurrent(principal: Principal, id: number, ip: string): Promise<Term> {
    this.authorize(principal);
    return this.pipeline.run(actorOf(principal, ip), async (unit) => {
      await this.requireTerm(id);
      const previous = await this.boardRepository.currentTerm();
      await this.plan.makeCurrent(id);
      await unit.boardChanged(id);
      if (previous && previous.id !== id) unit.boardMoved(previous.id, id);
      const after = toTerm((await this.plan.term(id))!);
      await unit.audit({ action: 'term.made_current', entity: 'term', entityId: id, before: previous ? toTerm(previous) : null, after });
      return after;
    });
  }

  async createGroup(principal: Principal, termId: number, name: string, ip: string): Promise<{ id: number; name: string; displayOrder: number }> {
    this.authorize(principal);
    return this.pipeline.run(actorOf(principal, ip), async (unit) => {
      await this.openTerm(termId);
      const id = await this.plan.insertGroup(termId, name);
      const created = (await this.plan.group(id))!;
      await unit.boardChanged(termId, { kind: 'group' });
      await unit.audit({ action: 'group.created', entity: 'group', entityId: id, after: created });
      return { id, name: created.name, displayOrder: created.displayOrder };
    });
  }

  async renameGroup(principal: Principal, id: number, name: string, ip: string): Promise<void> {
    this.authorize(principal);
    await this.pipeline.run(actorOf(principal, ip), async (unit) => {
      const group = await this.plan.group(id);
      if (!group) throw new DomainError('not_found', `group ${id} not found`);
      await this.openTerm(group.termId);
      await this.plan.renameGroup(id, name);
      await unit.boardChanged(group.termId, { kind: 'group' });
      await unit.audit({ action: 'group.updated', entity: 'group', entityId: id, before: { name: group.name }, after: { name } });
    });
  }

  async orderGroups(principal: Principal, termId: number, groupIds: number[], ip: string): Promise<void> {
    this.authorize(principal);
    await this.pipeline.run(actorOf(principal, ip), async (unit) => {
      await this.openTerm(termId);
      const all = (await this.plan.groups(termId)).map((g) => g.id);
      if (groupIds.length !== all.length || !(await this.plan.groupsExist(termId, groupIds))) {
        throw new DomainError('validation_failed', 'name every group of the term once', { groupIds: 'mismatch' });
      }
      await this.plan.orderGroups(groupIds);
      await unit.boardChanged(termId, { kind: 'group' });
      await unit.audit({ action: 'group.reordered', entity: 'term', entityId: termId, before: all, after: groupIds });
    });
  }

  async createIndicator(principal: Principal, termId: number, definition: IndicatorDefinition, ip: string) {
    this.authorize(principal);
    return this.pipeline.run(actorOf(principal, ip), async (unit) => {
      const term = await this.openTerm(termId);
      await this.checkPlacement(termId, definition);
      if (await this.plan.codeTaken(termId, definition.code)) throw new DomainError('conflict', `the code ${definition.code} is taken in this term`, { code: 'taken' });
      const id = await this.plan.insertIndicator({
        termId,
        groupId: definition.groupId,
        ownerUnitId: definition.ownerUnitId,
        code: definition.code,
        name: definition.name,
        description: definition.description,
        measure: definition.measure,
        aggregation: definition.aggregation,
        direction: definition.direction,
        unitLabel: definition.unit,
        baseline: definition.baseline,
        target: definition.target,
        milestones: JSON.stringify(definition.milestones),
        updateFrequency: definition.updateFrequency,
        decimals: definition.decimals,
        displayOrder: definition.displayOrder ?? (await this.plan.nextIndicatorOrder(termId)),
        createdAt: unit.now,
      });
      await unit.audit({ action: 'indicator.created', entity: 'indicator', entityId: id, after: definitionOf((await this.plan.indicator(id))!) });
      const [update] = await unit.indicatorsChanged(term, [{ kind: 'indicator', indicatorId: id, reading: null }]);
      return update!.indicator;
    });
  }

  async updateIndicator(principal: Principal, id: number, patch: z.infer<typeof indicatorPatchSchema>, ip: string) {
    this.authorize(principal);
    return this.pipeline.run(actorOf(principal, ip), async (unit) => {
      const row = await this.plan.indicator(id);
      if (!row || row.archivedAt !== null) throw new DomainError('not_found', `indicator ${id} not found`);
      const term = await this.openTerm(row.termId);
      const before = definitionOf(row);
      const merged = indicatorDefinitionSchema.safeParse({ ...before, ...patch });
      if (!merged.success) throw new DomainError('validation_failed', 'the indicator would not be valid', zodFields(merged.error.issues));
      const after = merged.data;
      await this.checkPlacement(row.termId, after);
      if (after.code !== before.code && (await this.plan.codeTaken(row.termId, after.code, id))) {
        throw new DomainError('conflict', `the code ${after.code} is taken in this term`, { code: 'taken' });
      }
      await this.plan.updateIndicator(id, {
        code: after.code,
        name: after.name,
        description: after.description,
        groupId: after.groupId,
        ownerUnitId: after.ownerUnitId,
        measure: after.measure,
        aggregation: after.aggregation,
        direction: after.direction,
        unitLabel: after.unit,
        baseline: after.baseline,
        target: after.target,
        milestones: JSON.stringify(after.milestones),
        updateFrequency: after.updateFrequency,
        decimals: after.decimals,
        ...(after.displayOrder !== undefined ? { displayOrder: after.displayOrder } : {}),
      });
      await unit.audit({ action: 'indicator.updated', entity: 'indicator', entityId: id, before, after: definitionOf((await this.plan.indicator(id))!) });
      const [update] = await unit.indicatorsChanged(term, [{ kind: 'indicator', indicatorId: id, reading: null }]);
      return update!.indicator;
    });
  }

  /**
   * Takes an indicator off the plan. It is archived, never deleted: its readings, its change-log
   * entries and its history stay, and an "as of" board before today still shows it.
   */
  async archiveIndicator(principal: Principal, id: number, ip: string): Promise<void> {
    this.authorize(principal);
    await this.pipeline.run(actorOf(principal, ip), async (unit) => {
      const row = await this.plan.indicator(id);
      if (!row || row.archivedAt !== null) throw new DomainError('not_found', `indicator ${id} not found`);
      await this.openTerm(row.termId);
      await this.plan.archiveIndicator(id, unit.now);
      await unit.boardChanged(row.termId, { kind: 'indicator', indicatorId: id });
      await unit.audit({ action: 'indicator.archived', entity: 'indicator', entityId: id, before: definitionOf(row), after: { readings: await this.plan.readingCount(id) } });
    });
  }

  /** Copies the source term's plan into `termId`. Call inside the transaction that created it. */
  private async carryOver(source: TermRow, termId: number, targets: Record<string, number>, now: number): Promise<number> {
    const groupIds = new Map<number, number>();
    for (const group of await this.plan.groups(source.id)) groupIds.set(group.id, await this.plan.insertGroup(termId, group.name, group.displayOrder));
    // The final values: the board as the source term stood at the end of its last day.
    const end = startOfDayInZone(addDays(source.endDate, 1), this.boards.timeZone) - 1;
    const fields: Record<string, string> = {};
    const rows = await this.plan.indicatorsOf(source.id);
    for (const row of rows) {
      const rule = ruleOf({ ...row, ownerUnitName: '' });
      const final = computeProgress({ rule, term: spanOf(source), readings: await this.boardRepository.factsOfIndicator(row.id), asOf: Math.min(end, now), timeZone: this.boards.timeZone }).current;
      const baseline = final === null ? row.baseline : Number(final.toFixed(row.decimals));
      const definition = indicatorDefinitionSchema.safeParse({ ...definitionOf(row), groupId: groupIds.get(row.groupId)!, baseline, target: targets[row.code] ?? row.target, milestones: [] });
      if (!definition.success) {
        fields[`targets.${row.code}`] = definition.error.issues[0]?.message ?? 'invalid';
        continue;
      }
      await this.plan.insertIndicator({ ...row, id: undefined, termId, groupId: groupIds.get(row.groupId)!, baseline, target: definition.data.target, milestones: '[]', archivedAt: null, createdAt: now });
    }
    if (Object.keys(fields).length > 0) throw new DomainError('validation_failed', 'some carried-over indicators would not be valid', fields);
    return rows.length;
  }

  private async requireTerm(id: number): Promise<TermRow> {
    const term = await this.plan.term(id);
    if (!term) throw new DomainError('not_found', `term ${id} not found`);
    return term;
  }

  private async openTerm(id: number, closed = 'closed'): Promise<TermRow> {
    const term = await this.requireTerm(id);
    if (term.closedAt !== null) throw new DomainError('term_closed', `the term "${term.name}" is ${closed}`);
    return term;
  }

  private async checkPlacement(termId: number, definition: IndicatorDefinition): Promise<void> {
    if (!(await this.plan.groupsExist(termId, [definition.groupId]))) throw new DomainError('validation_failed', 'no such group in this term', { groupId: 'not_found' });
    if (!(await this.plan.unitExists(definition.ownerUnitId))) throw new DomainError('validation_failed', 'no such unit', { ownerUnitId: 'not_found' });
  }
}
