import type { MergeUnitsRequest, UnitDetail } from '../../shared/api/units';
import { actorOf } from '../audit/audit.service';
import { isAdmin, type Principal } from '../auth/principal';
import type { WritePipeline } from '../changes/write-pipeline';
import { DomainError } from '../errors';
import type { UnitRow, UnitsRepository } from './units.repository';

/**
 * The units through a reorganisation: renamed (the old name kept for history), moved in the
 * tree, merged (indicators, their readings, users' units and token scopes move to the new unit;
 * the old ones stay as read-only history). Screens show the change at once.
 */
export class UnitsService {
  constructor(
    private readonly units: UnitsRepository,
    private readonly pipeline: WritePipeline,
  ) {}

  authorize(principal: Principal): void {
    if (!isAdmin(principal)) throw new DomainError('forbidden', 'only an admin changes units');
  }

  async list(): Promise<UnitDetail[]> {
    const former = await this.units.formerNames();
    return (await this.units.list()).map((unit) => ({
      id: unit.id,
      name: unit.name,
      parentId: unit.parentId,
      mergedIntoId: unit.mergedIntoId,
      formerNames: former.filter((f) => f.unitId === unit.id).map((f) => ({ name: f.name, until: new Date(f.until).toISOString() })),
    }));
  }

  async create(principal: Principal, name: string, parentId: number | null, ip: string): Promise<UnitDetail> {
    this.authorize(principal);
    if (parentId !== null) await this.live(parentId, 'parentId');
    const id = await this.pipeline.run(actorOf(principal, ip), async (unit) => {
      const created = await this.units.insert(name, parentId, unit.now);
      await unit.audit({ action: 'unit.created', entity: 'unit', entityId: created, after: { name, parentId } });
      return created;
    });
    return this.detail(id);
  }

  async update(principal: Principal, id: number, patch: { name?: string | undefined; parentId?: number | null | undefined }, ip: string): Promise<UnitDetail> {
    this.authorize(principal);
    // Checked inside the transaction that acts on them.
    await this.pipeline.run(actorOf(principal, ip), async (unit) => {
      const before = await this.live(id, 'id');
      if (patch.parentId !== undefined && patch.parentId !== null) {
        await this.live(patch.parentId, 'parentId');
        if (await this.isWithin(patch.parentId, id)) throw new DomainError('validation_failed', 'a unit cannot move under itself', { parentId: 'cycle' });
      }
      if (patch.name !== undefined && patch.name !== before.name) await this.units.rename(id, patch.name, before.name, unit.now);
      if (patch.parentId !== undefined) await this.units.move(id, patch.parentId);
      await unit.audit({
        action: 'unit.updated',
        entity: 'unit',
        entityId: id,
        before: { name: before.name, parentId: before.parentId },
        after: { name: patch.name ?? before.name, parentId: patch.parentId === undefined ? before.parentId : patch.parentId },
      });
      // Owner names show on the board.
      await unit.currentBoardChanged();
    });
    return this.detail(id);
  }

  async merge(principal: Principal, request: MergeUnitsRequest, ip: string): Promise<UnitDetail> {
    this.authorize(principal);
    const target = await this.pipeline.run(actorOf(principal, ip), async (unit) => {
      const from = [...new Set(request.unitIds)];
      for (const id of from) await this.live(id, 'unitIds');
      const intoId = 'unitId' in request.into ? request.into.unitId : undefined;
      if (intoId !== undefined) {
        await this.live(intoId, 'into');
        if (from.includes(intoId)) throw new DomainError('validation_failed', 'a unit cannot be merged into itself', { into: 'cycle' });
      } else if (from.length < 2) {
        throw new DomainError('validation_failed', 'merge at least two units into a new one', { unitIds: 'too_small' });
      }
      const parentId = 'name' in request.into ? (request.into.parentId ?? null) : null;
      if (parentId !== null) await this.live(parentId, 'into.parentId');
      // What the merged units leave behind hangs under the result: it cannot lie below them itself.
      for (const id of from) {
        if (intoId !== undefined && (await this.isWithin(intoId, id))) throw new DomainError('validation_failed', 'the unit merged into lies below a merged unit', { into: 'cycle' });
        if (parentId !== null && (await this.isWithin(parentId, id))) throw new DomainError('validation_failed', 'the new unit would hang below a merged unit', { 'into.parentId': 'cycle' });
      }
      const now = unit.now;
      const into = intoId ?? (await this.units.insert((request.into as { name: string }).name, parentId, now));
      const before: UnitRow[] = [];
      for (const id of from) before.push((await this.units.find(id))!);
      const moved = await this.units.merge(from, into, now);
      await unit.audit({
        action: 'unit.merged',
        entity: 'unit',
        entityId: into,
        before: before.map((u) => ({ id: u.id, name: u.name })),
        after: { into: { id: into, name: (await this.units.find(into))!.name }, moved },
      });
      // Owners and scopes show on the board.
      await unit.currentBoardChanged();
      return into;
    });
    return this.detail(target);
  }

  private async detail(id: number): Promise<UnitDetail> {
    return (await this.list()).find((unit) => unit.id === id)!;
  }

  /** A unit that exists and was not merged away (merged units are read-only history). */
  private async live(id: number, field: string): Promise<UnitRow> {
    const unit = await this.units.find(id);
    if (!unit) throw new DomainError('validation_failed', `unit ${id} not found`, { [field]: 'not_found' });
    if (unit.mergedIntoId !== null) throw new DomainError('conflict', `unit ${id} was merged: it is history now`, { [field]: 'merged' });
    return unit;
  }

  /** True when `candidate` is `root` or lies below it. */
  private async isWithin(candidate: number, root: number): Promise<boolean> {
    for (let id: number | null = candidate, steps = 0; id !== null && steps < 1000; steps++) {
      if (id === root) return true;
      id = (await this.units.find(id))?.parentId ?? null;
    }
    return false;
  }
}
