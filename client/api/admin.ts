import { auditPageSchema, type AuditEntry, type AuditQuery } from '../../shared/api/audit';
import {
  apiTokenListSchema,
  createdApiTokenSchema,
  type ApiToken,
  type CreateApiTokenRequest,
} from '../../shared/api/tokens';
import {
  unitListSchema,
  userListSchema,
  userSchema,
  type CreateUserRequest,
  type Unit,
  type UpdateUserRequest,
  type User,
} from '../../shared/api/users';
import { send } from '../api/http';
import { sendParsed } from './request';

/** HTTP calls of the admin pages (users, API tokens, audit log). Admins only, on the server too. */

export type CreatedApiToken = ApiToken & { token: string };

/** Every user, disabled ones included. */
export async function listUsers(signal?: AbortSignal): Promise<User[]> {
  return (await sendParsed('GET', '/api/users', userListSchema, { signal })).users;
}

/** The unit tree, flat: each unit names its parent. */
export async function listUnits(signal?: AbortSignal): Promise<Unit[]> {
  return (await sendParsed('GET', '/api/units', unitListSchema, { signal })).units;
}

/** Creates a user; a taken user name answers 409 `conflict`. */
export async function createUser(request: CreateUserRequest): Promise<User> {
  return sendParsed('POST', '/api/users', userSchema, { body: request });
}

/** Changes the display name, role, units or disabled flag; only the fields sent change. */
export async function updateUser(id: number, patch: UpdateUserRequest): Promise<User> {
  return sendParsed('PATCH', `/api/users/${id}`, userSchema, { body: patch });
}

/** Sets a new password for someone (an admin's reset, not the user's own change). */
export async function resetUserPassword(id: number, password: string): Promise<void> {
  await send('POST', `/api/users/${id}/password`, { body: { password } });
}

/** Every integration token, revoked ones included; never the secrets themselves. */
export async function listApiTokens(signal?: AbortSignal): Promise<ApiToken[]> {
  return (await sendParsed('GET', '/api/tokens', apiTokenListSchema, { signal })).tokens;
}

/** Creates a token; the answer carries the secret, which the server never shows again. */
export async function createApiToken(request: CreateApiTokenRequest): Promise<CreatedApiToken> {
  return sendParsed('POST', '/api/tokens', createdApiTokenSchema, { body: request });
}

export async function revokeApiToken(id: number): Promise<void> {
  await send('DELETE', `/api/tokens/${id}`, {});
}

/** The filters of the audit log, as the page holds them (paging and size apart). */
export type AuditFilters = Omit<AuditQuery, 'limit' | 'before'>;

/** The query string of the filters that are set: shared by the page's list and its CSV link. */
export function auditSearchParams(filters: AuditFilters, extra: { limit?: number; before?: number } = {}): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...filters, ...extra })) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  return params;
}

/** One page of the audit log, newest first; `before` is the id of the last entry already shown. */
export async function listAuditEntries(
  filters: AuditFilters,
  page: { limit: number; before?: number },
  signal?: AbortSignal,
): Promise<AuditEntry[]> {
  return (await sendParsed('GET', `/api/audit?${auditSearchParams(filters, page)}`, auditPageSchema, { signal })).entries;
}

/** Where the CSV of the same filtered log is downloaded from. */
export function auditCsvHref(filters: AuditFilters): string {
  const query = auditSearchParams(filters).toString();
  return query ? `/api/audit.csv?${query}` : '/api/audit.csv';
}
