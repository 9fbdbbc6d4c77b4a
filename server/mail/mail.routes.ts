import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../auth/auth.service';
import { idParams, parseWith, requirePrincipal } from '../http/plumbing';
import type { MailOutbox } from './outbox.service';

export function mailRoutes(app: FastifyInstance, auth: AuthService, outbox: MailOutbox): void {
  /** "Gửi lại": an admin sends one delivery again (a report to one recipient, or later a reminder or an alert). */
  app.post('/api/deliveries/:id/resend', { schema: { tags: ['mail'], params: idParams } }, async (request, reply) => {
    const principal = await requirePrincipal(auth, request);
    const delivery = await outbox.resend(principal, parseWith(idParams, request.params).id);
    return reply.status(202).send({ delivery });
  });
}
