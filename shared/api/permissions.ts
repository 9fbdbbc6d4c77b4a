import type { Role } from './session';

/**
 * Who may record readings for an indicator: admins everywhere, editors for the indicators of
 * their units. The one rule, used by the server to refuse and by the workspace to offer.
 */
export function userMayWrite(user: { role: Role; unitIds: readonly number[] }, indicator: { ownerUnitId: number }): boolean {
  if (user.role === 'admin') return true;
  return user.role === 'editor' && user.unitIds.includes(indicator.ownerUnitId);
}
