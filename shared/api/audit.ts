import { z } from 'zod';
import { isoDateSchema } from '../indicator/model';

/** What the audit log records; one word each, stable (filters and CSV use them). */
export const AUDIT_ACTIONS = [
  'reading.created',
  'reading.corrected',
  'import.committed',
  'user.created',
  'user.updated',
  'user.password_reset',
  'user.password_changed',
  'session.login',
  'session.login_failed',
  'token.created',
  'token.revoked',
  'display.created',
  'display.updated',
  'display.revoked',
  'term.created',
  'term.closed',
  'term.made_current',
  'group.created',
  'group.updated',
  'group.reordered',
  'indicator.created',
  'indicator.updated',
  'indicator.archived',
  'indicator.deleted',
  'unit.created',
  'unit.updated',
  'unit.merged',
  'settings.updated',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.object({ kind: z.enum(['user', 'token', 'anonymous', 'system']), id: z.number().nullable(), name: z.string() }),
  /** The client's address. */
  ip: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  entity: z.string(),
  entityId: z.number().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditPageSchema = z.object({ entries: z.array(auditEntrySchema) });

export const auditQuerySchema = z.strictObject({
  action: z.enum(AUDIT_ACTIONS).optional(),
  actor: z.string().trim().max(100).optional(),
  entity: z.string().trim().max(50).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(200),
  before: z.coerce.number().int().positive().optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
