import type { MergeUnitsRequest, UnitDetail } from '../../shared/api/units';
import { actorOf, type AuditService } from '../audit/audit.service';
import { isAdmin, type Principal } from '../auth/principal';
import type { BoardRepository } from '../board/board.repository';
import type { BoardService } from '../board/board.service';
import type { ChangeLogRepository } from '../changes/change-log.repository';
import type { Clock } from '../clock';
import { AppError } from '../http/errors';
import type { Broadcaster } from '../realtime/broadcaster';
import type { UnitRow, UnitsRepository } from './units.repository';

/**
 * The units through a reorganisation: renamed (the old name kept for history), moved in the
 * tree, merged (indicators, their readings, users' units and token scopes move to the new unit;
 * the old ones stay as read-only history). Screens show the change at once.
 */
export class UnitsService {
  constructor(
    private readonly units: UnitsRepository,
    private readonly boardRepository: BoardRepository,
    private readonly boards: BoardService,
    private readonly changeLog: ChangeLogRepository,
    private readonly broadcaster: Broadcaster,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  authorize(principal: Principal): void {
    if (!isAdmin(principal)) throw new AppError('forbidden', 'only an admin changes units');
  }

  list(): UnitDetail[] {
    const former = this.units.formerNames();
    return this.units.all().map((unit) => ({
      id: unit.id,
      name: unit.name,
      parentId: unit.parentId,
      mergedIntoId: unit.mergedIntoId,
      formerNames: former.filter((f) => f.unitId === unit.id).map((f) => ({ name: f.name, until: new Date(f.until).toISOString() })),
    }));
  }

  create(principal: Principal, name: string, parentId: number | null, ip: string): UnitDetail {
    this.authorize(principal);
    if (parentId !== null) this.live(parentId, 'parentId');
    const id = this.units.transaction(() => {
      const created = this.units.insert(name, parentId, this.clock.now());
      this.audit.record(actorOf(principal, ip), { action: 'unit.created', entity: 'unit', entityId: created, after: { name, parentId } });
      return created;
    });
    return this.detail(id);
  }

  update(principal: Principal, id: number, patch: { name?: string | undefined; parentId?: number | null | undefined }, ip: string): UnitDetail {
    this.authorize(principal);
    const before = this.live(id, 'id');
    if (patch.parentId !== undefined && patch.parentId !== null) {
      this.live(patch.parentId, 'parentId');
      if (this.isWithin(patch.parentId, id)) throw new AppError('validation_failed', 'a unit cannot move under itself', { parentId: 'cycle' });
    }
    this.units.transaction(() => {
      if (patch.name !== undefined && patch.name !== before.name) this.units.rename(id, patch.name, before.name, this.clock.now());
      if (patch.parentId !== undefined) this.units.move(id, patch.parentId);
      this.audit.record(actorOf(principal, ip), {
        action: 'unit.updated',
        entity: 'unit',
        entityId: id,
        before: { name: before.name, parentId: before.parentId },
        after: { name: patch.name ?? before.name, parentId: patch.parentId === undefined ? before.parentId : patch.parentId },
      });
      this.boardChanged();
    });
    this.refreshScreens();
    return this.detail(id);
  }

  merge(principal: Principal, request: MergeUnitsRequest, ip: string): UnitDetail {
    this.authorize(principal);
    const from = [...new Set(request.unitIds)];
    for (const id of from) this.live(id, 'unitIds');
    const intoId = 'unitId' in request.into ? request.into.unitId : undefined;
    if (intoId !== undefined) {
      this.live(intoId, 'into');
      if (from.includes(intoId)) throw new AppError('validation_failed', 'a unit cannot be merged into itself', { into: 'cycle' });
    } else if (from.length < 2) {
      throw new AppError('validation_failed', 'merge at least two units into a new one', { unitIds: 'too_small' });
    }
    const parentId = 'name' in request.into ? (request.into.parentId ?? null) : null;
    if (parentId !== null) this.live(parentId, 'into.parentId');
    // What the merged units leave behind hangs under the result: it cannot lie below them itself.
    for (const id of from) {
      if (intoId !== undefined && this.isWithin(intoId, id)) throw new AppError('validation_failed', 'the unit merged into lies below a merged unit', { into: 'cycle' });
      if (parentId !== null && this.isWithin(parentId, id)) throw new AppError('validation_failed', 'the new unit would hang below a merged unit', { 'into.parentId': 'cycle' });
    }
    const target = this.units.transaction(() => {
      const now = this.clock.now();
      const into = intoId ?? this.units.insert((request.into as { name: string }).name, parentId, now);
      const before = from.map((id) => this.units.find(id)!);
      const moved = this.units.merge(from, into, now);
      this.audit.record(actorOf(principal, ip), {
        action: 'unit.merged',
        entity: 'unit',
        entityId: into,
        before: before.map((u) => ({ id: u.id, name: u.name })),
        after: { into: { id: into, name: this.units.find(into)!.name }, moved },
      });
      this.boardChanged();
      return into;
    });
    this.refreshScreens();
    return this.detail(target);
  }

  private detail(id: number): UnitDetail {
    return this.list().find((unit) => unit.id === id)!;
  }

  /** A unit that exists and was not merged away (merged units are read-only history). */
  private live(id: number, field: string): UnitRow {
    const unit = this.units.find(id);
    if (!unit) throw new AppError('validation_failed', `unit ${id} not found`, { [field]: 'not_found' });
    if (unit.mergedIntoId !== null) throw new AppError('conflict', `unit ${id} was merged: it is history now`, { [field]: 'merged' });
    return unit;
  }

  /** True when `candidate` is `root` or lies below it. */
  private isWithin(candidate: number, root: number): boolean {
    for (let id: number | null = candidate, steps = 0; id !== null && steps < 1000; steps++) {
      if (id === root) return true;
      id = this.units.find(id)?.parentId ?? null;
    }
    return false;
  }

  /** Owner names and scopes show on the board: a board-wide change of the current term. */
  private boardChanged(): void {
    const term = this.boardRepository.currentTerm();
    if (term) this.changeLog.append({ termId: term.id, kind: 'term', indicatorId: null, readingId: null, now: this.clock.now() });
  }

  private refreshScreens(): void {
    const term = this.boardRepository.currentTerm();
    if (term) this.broadcaster.snapshot(term.id, this.boards.board());
  }
}
