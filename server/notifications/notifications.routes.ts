import type { FastifyInstance } from 'fastify';
import { notificationQuerySchema, type NotificationList } from '../../shared/api/notifications';
import type { AuthService } from '../auth/auth.service';
import { parseWith, requirePrincipal } from '../http/plumbing';
import type { NotificationsService } from './notifications.service';

export function notificationsRoutes(app: FastifyInstance, auth: AuthService, notifications: NotificationsService): void {
  /** Every reminder and alert, newest first, with its deliveries (admins). */
  app.get('/api/notifications', { schema: { tags: ['notifications'], querystring: notificationQuerySchema } }, async (request) => {
    const principal = await requirePrincipal(auth, request);
    return { notifications: await notifications.list(principal, parseWith(notificationQuerySchema, request.query)) } satisfies NotificationList;
  });
}
