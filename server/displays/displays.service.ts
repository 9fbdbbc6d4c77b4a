import { DISPLAY_PATH, type CreatedDisplay, type Display, type UpdateDisplayRequest } from '../../shared/api/displays';
import type { DisplayCommand, DisplaySettings } from '../../shared/realtime/events';
import { actorOf, type AuditService } from '../audit/audit.service';
import { isAdmin, type Principal } from '../auth/principal';
import { hashSecret, newSecret } from '../auth/tokens';
import type { Clock } from '../clock';
import { AppError } from '../http/errors';
import type { DisplayRow, DisplaysRepository } from './displays.repository';

/** What the service needs of the sockets of a token: count, cut off, or talk to them. */
export interface TokenSockets {
  connections(tokenId: number): Promise<number>;
  disconnect(tokenId: number): void;
  sendSettings(tokenId: number, settings: DisplaySettings): void;
  sendCommand(tokenId: number, command: DisplayCommand): Promise<number>;
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** Meeting-room screens: named, revocable, read-only display links, managed by admins. */
export class DisplaysService {
  constructor(
    private readonly repository: DisplaysRepository,
    private readonly sockets: TokenSockets,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(principal: Principal, name: string, baseUrl: string, ip = ''): Promise<CreatedDisplay> {
    const token = newSecret('tbd');
    const id = await this.insert(principal, name, token, ip);
    const url = new URL(DISPLAY_PATH, baseUrl);
    url.searchParams.set('token', token);
    return { id, name, token, url: url.toString() };
  }

  /**
   * A display for a screen being paired by a code: its token is made only when the screen takes
   * it (`issueToken`), so none is shown here and none waits anywhere. Joins the caller's transaction.
   */
  async createForPairing(principal: Principal, name: string, ip = ''): Promise<{ id: number; name: string }> {
    // A placeholder no one holds: the column needs a hash until the screen's token replaces it.
    const id = await this.insert(principal, name, newSecret('tbd'), ip);
    return { id, name };
  }

  /** A new token for a live display (the paired screen takes its own); undefined when it is revoked or gone. */
  async issueToken(id: number): Promise<{ id: number; name: string; token: string } | undefined> {
    const token = newSecret('tbd');
    return this.repository.transaction(async () => {
      if (!(await this.repository.replaceToken(id, hashSecret(token)))) return undefined;
      const row = (await this.repository.find(id))!;
      return { id, name: row.name, token };
    });
  }

  async list(principal: Principal): Promise<Display[]> {
    this.authorize(principal);
    const rows = await this.repository.list();
    return Promise.all(rows.map((row) => this.describe(row)));
  }

  /** Renames a screen or changes its rotation; a connected screen takes it at once. */
  async update(principal: Principal, id: number, patch: UpdateDisplayRequest, ip = ''): Promise<Display> {
    this.authorize(principal);
    const row = await this.repository.transaction(async () => {
      const before = await this.live(id);
      await this.repository.update(id, patch);
      const row = (await this.repository.find(id))!;
      await this.audit.record(actorOf(principal, ip), {
        action: 'display.updated',
        entity: 'display',
        entityId: id,
        before: { name: before.name, rotateSeconds: before.rotateSeconds },
        after: { name: row.name, rotateSeconds: row.rotateSeconds },
      });
      return row;
    });
    this.sockets.sendSettings(id, this.settingsOf(row));
    return this.describe(row);
  }

  /** Sends a command to the screen's sockets; answers how many received it. */
  async command(principal: Principal, id: number, command: DisplayCommand): Promise<number> {
    this.authorize(principal);
    await this.live(id);
    return this.sockets.sendCommand(id, command);
  }

  /** Revokes the screen's token and disconnects its sockets at once. */
  async revoke(principal: Principal, id: number, ip = ''): Promise<void> {
    this.authorize(principal);
    await this.repository.transaction(async () => {
      const row = await this.repository.find(id);
      if (!row) throw new AppError('not_found', `display ${id} not found`);
      if (await this.repository.revoke(id, this.clock.now())) {
        await this.audit.record(actorOf(principal, ip), { action: 'display.revoked', entity: 'display', entityId: id, before: { name: row.name } });
      }
    });
    this.sockets.disconnect(id);
  }

  /** The settings a screen's socket gets when it connects. */
  async connected(id: number): Promise<DisplaySettings | undefined> {
    await this.repository.seen(id, this.clock.now());
    const row = await this.repository.find(id);
    return row && this.settingsOf(row);
  }

  async disconnected(id: number): Promise<void> {
    await this.repository.seen(id, this.clock.now());
  }

  /** Refuses anyone but an admin (403), before the request is even read. */
  authorize(principal: Principal): number {
    if (!isAdmin(principal) || principal.kind !== 'user') throw new AppError('forbidden', 'only an admin manages display screens');
    return principal.userId;
  }

  private insert(principal: Principal, name: string, token: string, ip: string): Promise<number> {
    const adminId = this.authorize(principal);
    return this.repository.transaction(async () => {
      const id = await this.repository.create({ name, tokenHash: hashSecret(token), createdByUserId: adminId, now: this.clock.now() });
      await this.audit.record(actorOf(principal, ip), { action: 'display.created', entity: 'display', entityId: id, after: { name } });
      return id;
    });
  }

  private async live(id: number): Promise<DisplayRow> {
    const row = await this.repository.find(id);
    if (!row) throw new AppError('not_found', `display ${id} not found`);
    if (row.revokedAt !== null) throw new AppError('conflict', `display ${id} has been revoked`);
    return row;
  }

  private settingsOf(row: DisplayRow): DisplaySettings {
    return { id: row.id, name: row.name, rotateSeconds: row.rotateSeconds };
  }

  private async describe(row: DisplayRow): Promise<Display> {
    const connections = row.revokedAt === null ? await this.sockets.connections(row.id) : 0;
    return {
      id: row.id,
      name: row.name,
      createdAt: new Date(row.createdAt).toISOString(),
      revokedAt: iso(row.revokedAt),
      rotateSeconds: row.rotateSeconds,
      connections,
      online: connections > 0,
      lastSeenAt: iso(row.lastSeenAt),
    };
  }
}
