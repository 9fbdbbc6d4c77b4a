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
import { parseBody } from '../api';

/** HTTP calls of the admin pages (users, API tokens, audit log). Admins only, on the server too. */

export type CreatedApiToken = ApiToken & { token: string };

/** Every user, disabled ones included. */
export async function listUsers(signal?: AbortSignal): Promise<User[]> {
  const response = await send('GET', '/api/users', { signal });
  return (await parseBody(response, userListSchema)).users;
}

/** The unit tree, flat: each unit names its parent. */
export async function listUnits(signal?: AbortSignal): Promise<Unit[]> {
  const response = await send('GET', '/api/units', { signal });
  return (await parseBody(response, unitListSchema)).units;
}

/** Creates a user; a taken user name answers 409 `conflict`. */
export async function createUser(request: CreateUserRequest): Promise<User> {
  const response = await send('POST', '/api/users', { body: request });
  return parseBody(response, userSchema);
}

/** Changes the display name, role, units or disabled flag; only the fields sent change. */
export async function updateUser(id: number, patch: UpdateUserRequest): Promise<User> {
  const response = await send('PATCH', `/api/users/${id}`, { body: patch });
  return parseBody(response, userSchema);
}

/** Sets a new password for someone (an admin's reset, not the user's own change). */
export async function resetUserPassword(id: number, password: string): Promise<void> {
  await send('POST', `/api/users/${id}/password`, { body: { password } });
}

/** Every integration token, revoked ones included; never the secrets themselves. */
export async function listApiTokens(signal?: AbortSignal): Promise<ApiToken[]> {
  const response = await send('GET', '/api/tokens', { signal });
  return (await parseBody(response, apiTokenListSchema)).tokens;
}

/** Creates a token; the answer carries the secret, which the server never shows again. */
export async function createApiToken(request: CreateApiTokenRequest): Promise<CreatedApiToken> {
  const response = await send('POST', '/api/tokens', { body: request });
  return parseBody(response, createdApiTokenSchema);
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
  const response = await send('GET', `/api/audit?${auditSearchParams(filters, page)}`, { signal });
  return (await parseBody(response, auditPageSchema)).entries;
}

/** Where the CSV of the same filtered log is downloaded from. */
export function auditCsvHref(filters: AuditFilters): string {
  const query = auditSearchParams(filters).toString();
  return query ? `/api/audit.csv?${query}` : '/api/audit.csv';
}
