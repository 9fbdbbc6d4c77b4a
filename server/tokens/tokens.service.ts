import type { ApiToken, CreateApiTokenRequest } from '../../shared/api/tokens';
import { actorOf, type AuditService } from '../audit/audit.service';
import type { AuthRepository } from '../auth/auth.repository';
import { isAdmin, type Principal } from '../auth/principal';
import { hashSecret, newSecret } from '../auth/tokens';
import type { Clock } from '../clock';
import type { TokenSockets } from '../displays/displays.service';
import { AppError } from '../http/errors';
import type { ApiTokenRow, TokensRepository } from './tokens.repository';

function toToken(row: ApiTokenRow): ApiToken {
  const scopes = JSON.parse(row.scopes) as { unitIds?: number[]; indicatorIds?: number[] };
  return {
    id: row.id,
    name: row.name,
    unitIds: scopes.unitIds ?? [],
    indicatorIds: scopes.indicatorIds ?? [],
    createdAt: new Date(row.createdAt).toISOString(),
    revokedAt: row.revokedAt === null ? null : new Date(row.revokedAt).toISOString(),
  };
}

/** Tokens for the systems that feed the board: created by admins, shown once, revocable. */
export class TokensService {
  constructor(
    private readonly tokens: TokensRepository,
    private readonly auth: AuthRepository,
    private readonly sockets: Pick<TokenSockets, 'disconnect'>,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  authorize(principal: Principal): number {
    if (!isAdmin(principal) || principal.kind !== 'user') throw new AppError('forbidden', 'only an admin manages API tokens');
    return principal.userId;
  }

  async list(principal: Principal): Promise<ApiToken[]> {
    this.authorize(principal);
    return (await this.tokens.list()).map(toToken);
  }

  async create(principal: Principal, input: CreateApiTokenRequest, ip: string): Promise<ApiToken & { token: string }> {
    const adminId = this.authorize(principal);
    const token = newSecret('tba');
    const scopes = { unitIds: [...new Set(input.unitIds)], indicatorIds: [...new Set(input.indicatorIds)] };
    const created = await this.tokens.transaction(async () => {
      // As for users: a scope that names nothing is a mistake, not a token for later.
      const unknown = await this.tokens.unknownScopes(scopes.unitIds, scopes.indicatorIds);
      if (unknown.unitIds.length > 0 || unknown.indicatorIds.length > 0) {
        throw new AppError('validation_failed', `unknown units or indicators: ${[...unknown.unitIds, ...unknown.indicatorIds].join(', ')}`, {
          ...(unknown.unitIds.length > 0 ? { unitIds: 'not_found' } : {}),
          ...(unknown.indicatorIds.length > 0 ? { indicatorIds: 'not_found' } : {}),
        });
      }
      const id = await this.auth.createToken({
        kind: 'api',
        name: input.name,
        tokenHash: hashSecret(token),
        scopes: JSON.stringify(scopes),
        createdByUserId: adminId,
        now: this.clock.now(),
      });
      const row = toToken((await this.tokens.find(id))!);
      await this.audit.record(actorOf(principal, ip), { action: 'token.created', entity: 'token', entityId: id, after: row });
      return row;
    });
    return { ...created, token };
  }

  async revoke(principal: Principal, id: number, ip: string): Promise<void> {
    this.authorize(principal);
    await this.tokens.transaction(async () => {
      const row = await this.tokens.find(id);
      if (!row) throw new AppError('not_found', `API token ${id} not found`);
      if (await this.tokens.revoke(id, this.clock.now())) {
        await this.audit.record(actorOf(principal, ip), { action: 'token.revoked', entity: 'token', entityId: id, before: toToken(row) });
      }
    });
    // Once revoked for good (committed): the token's open sockets are cut off.
    this.sockets.disconnect(id);
  }
}
