import { notificationListSchema, notificationQuerySchema } from '../../shared/api/notifications';
import type { AuthService } from '../auth/auth.service';
import type { Api } from '../http/openapi';
import { requirePrincipal } from '../http/plumbing';
import type { NotificationsService } from './notifications.service';

export function notificationsRoutes(app: Api, auth: AuthService, notifications: NotificationsService): void {
  /** Every reminder and alert, newest first, with its deliveries (admins). */
  app.get('/api/notifications', { schema: { tags: ['notifications'], querystring: notificationQuerySchema, response: { 200: notificationListSchema } } }, async (request) => {
    const principal = await requirePrincipal(auth, request);
    return { notifications: await notifications.list(principal, request.query) };
  });
}
