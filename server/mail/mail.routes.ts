import { resendAnswerSchema } from '../../shared/api/mail';
import type { AuthService } from '../auth/auth.service';
import type { Api } from '../http/openapi';
import { idParams, requirePrincipal } from '../http/plumbing';
import type { MailOutbox } from './outbox.service';

export function mailRoutes(app: Api, auth: AuthService, outbox: MailOutbox): void {
  /** "Gửi lại": an admin sends one delivery again (a report to one recipient, or later a reminder or an alert). */
  app.post('/api/deliveries/:id/resend', { schema: { tags: ['mail'], params: idParams, response: { 202: resendAnswerSchema } } }, async (request, reply) => {
    const principal = await requirePrincipal(auth, request);
    const delivery = await outbox.resend(principal, request.params.id);
    return reply.status(202).send({ delivery });
  });
}
