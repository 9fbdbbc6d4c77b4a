import type { FastifyRequest } from 'fastify';
import { auditPageSchema, auditQuerySchema, type AuditQuery } from '../../shared/api/audit';
import { addDays, startOfDayInZone } from '../../shared/time/dates';
import type { AuthService } from '../auth/auth.service';
import { isAdmin } from '../auth/principal';
import { AppError } from '../http/errors';
import { fileAnswer } from '../http/answers';
import { toCsv } from '../http/csv';
import type { Api } from '../http/openapi';
import { requirePrincipal } from '../http/plumbing';
import type { AuditService } from './audit.service';

export function auditRoutes(app: Api, auth: AuthService, audit: AuditService, timeZone: string): void {
  const find = async (request: FastifyRequest, query: AuditQuery) => {
    if (!isAdmin(await requirePrincipal(auth, request))) throw new AppError('forbidden', 'only an admin reads the audit log');
    const from = query.from === undefined ? undefined : startOfDayInZone(query.from, timeZone);
    const to = query.to === undefined ? undefined : startOfDayInZone(addDays(query.to, 1), timeZone) - 1;
    return audit.find(query, from, to);
  };

  app.get('/api/audit', { schema: { tags: ['audit'], querystring: auditQuerySchema, response: { 200: auditPageSchema } } }, async (request) => ({
    entries: await find(request, request.query),
  }));

  app.get(
    '/api/audit.csv',
    { schema: { tags: ['audit'], querystring: auditQuerySchema, response: { 200: fileAnswer('The entries as CSV (UTF-8), a file to save', 'text/csv') } } },
    async (request, reply) => {
    const entries = await find(request, request.query);
    const csv = toCsv(
      ['id', 'at', 'actor_kind', 'actor', 'ip', 'action', 'entity', 'entity_id', 'before', 'after'],
      entries.map((e) => [e.id, e.at, e.actor.kind, e.actor.name, e.ip, e.action, e.entity, e.entityId, JSON.stringify(e.before), JSON.stringify(e.after)]),
    );
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="nhat-ky-thay-doi.csv"')
      .send(csv);
    },
  );
}
