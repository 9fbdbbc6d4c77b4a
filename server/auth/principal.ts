import { userMayWrite } from '../../shared/api/permissions';
import type { Role } from '../../shared/api/session';

/** Who is calling: a signed-in user, a display screen, or an integration's API token. */
export type Principal =
  | { kind: 'user'; userId: number; username: string; displayName: string; role: Role; unitIds: number[] }
  | { kind: 'display'; tokenId: number; name: string }
  | { kind: 'api'; tokenId: number; name: string; unitIds: number[]; indicatorIds: number[] };

/** A stable key for per-caller records (idempotency keys, rate limits). */
export function principalKey(principal: Principal): string {
  return principal.kind === 'user' ? `user:${principal.userId}` : `token:${principal.tokenId}`;
}

/** Everyone who may call the API at all may read every board: scopes restrict writes, not reads. */
export function canReadBoard(principal: Principal): boolean {
  return principal.kind === 'user' || principal.kind === 'display' || principal.kind === 'api';
}

/** Admins everywhere; editors for their units' indicators; API tokens within their scope. */
export function canWriteReading(principal: Principal, indicator: { id: number; ownerUnitId: number }): boolean {
  switch (principal.kind) {
    case 'user':
      return userMayWrite(principal, indicator);
    case 'api':
      return principal.unitIds.includes(indicator.ownerUnitId) || principal.indicatorIds.includes(indicator.id);
    case 'display':
      return false;
  }
}

export function isAdmin(principal: Principal): boolean {
  return principal.kind === 'user' && principal.role === 'admin';
}
