import { DISPLAY_PATH, type CreatedDisplay, type Display } from '../../shared/api/displays';
import { isAdmin, type Principal } from '../auth/principal';
import { hashSecret, newSecret } from '../auth/tokens';
import type { Clock } from '../clock';
import { AppError } from '../http/errors';
import type { DisplaysRepository } from './displays.repository';

/** What the service needs of the sockets: who is connected with a token, and cutting them off. */
export interface TokenSockets {
  connections(tokenId: number): Promise<number>;
  disconnect(tokenId: number): void;
}

/** Meeting-room screens: named, revocable, read-only display links. Admins only. */
export class DisplaysService {
  constructor(
    private readonly repository: DisplaysRepository,
    private readonly sockets: TokenSockets,
    private readonly clock: Clock,
  ) {}

  create(principal: Principal, name: string, baseUrl: string): CreatedDisplay {
    const adminId = this.requireAdmin(principal);
    const token = newSecret('tbd');
    const id = this.repository.create({ name, tokenHash: hashSecret(token), createdByUserId: adminId, now: this.clock.now() });
    const url = new URL(DISPLAY_PATH, baseUrl);
    url.searchParams.set('token', token);
    return { id, name, token, url: url.toString() };
  }

  async list(principal: Principal): Promise<Display[]> {
    this.requireAdmin(principal);
    return Promise.all(
      this.repository.list().map(async (row) => ({
        id: row.id,
        name: row.name,
        createdAt: new Date(row.createdAt).toISOString(),
        revokedAt: row.revokedAt === null ? null : new Date(row.revokedAt).toISOString(),
        connections: row.revokedAt === null ? await this.sockets.connections(row.id) : 0,
      })),
    );
  }

  /** Revokes the screen's token and disconnects its sockets at once. */
  revoke(principal: Principal, id: number): void {
    this.requireAdmin(principal);
    if (!this.repository.find(id)) throw new AppError('not_found', `display ${id} not found`);
    this.repository.revoke(id, this.clock.now());
    this.sockets.disconnect(id);
  }

  /** Refuses anyone but an admin (403), before the request is even read. */
  authorize(principal: Principal): number {
    return this.requireAdmin(principal);
  }

  private requireAdmin(principal: Principal): number {
    if (!isAdmin(principal) || principal.kind !== 'user') throw new AppError('forbidden', 'only an admin manages display screens');
    return principal.userId;
  }
}
