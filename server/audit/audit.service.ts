import type { AuditAction, AuditEntry, AuditQuery } from '../../shared/api/audit';
import type { Principal } from '../auth/principal';
import type { Clock } from '../clock';
import type { AuditRepository, AuditRow } from './audit.repository';

/** Who did it and from where, as the audit log names them. */
export interface Actor {
  kind: 'user' | 'token' | 'anonymous' | 'system';
  id: number | null;
  name: string;
  ip: string;
}

export function actorOf(principal: Principal, ip: string): Actor {
  if (principal.kind === 'user') return { kind: 'user', id: principal.userId, name: principal.username, ip };
  return { kind: 'token', id: principal.tokenId, name: principal.name, ip };
}

export interface AuditEvent {
  action: AuditAction;
  entity: string;
  entityId: number | null;
  before?: unknown;
  after?: unknown;
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/**
 * Records changes of data and rights. Call `record` inside the change's own transaction (and
 * await it): the record commits or rolls back with the change.
 */
export class AuditService {
  constructor(
    private readonly repository: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async record(actor: Actor, event: AuditEvent): Promise<void> {
    await this.repository.append({
      at: this.clock.now(),
      actorKind: actor.kind,
      actorId: actor.id,
      actorName: actor.name,
      ip: actor.ip,
      action: event.action,
      entity: event.entity,
      entityId: event.entityId,
      before: json(event.before),
      after: json(event.after),
    });
  }

  async find(query: AuditQuery, fromInstant?: number, toInstant?: number): Promise<AuditEntry[]> {
    return (await this.repository.find({ ...query, fromInstant, toInstant })).map(toEntry);
  }
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    actor: { kind: row.actorKind as AuditEntry['actor']['kind'], id: row.actorId, name: row.actorName },
    ip: row.ip,
    action: row.action as AuditEntry['action'],
    entity: row.entity,
    entityId: row.entityId,
    before: row.before === null ? null : JSON.parse(row.before),
    after: row.after === null ? null : JSON.parse(row.after),
  };
}
