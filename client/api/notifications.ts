import { notificationListSchema, type Notification } from '../../shared/api/notifications';
import { accountSchema, type Account, type UpdateAccountRequest } from '../../shared/api/users';
import { send } from '../api/http';
import { parseBody } from '../api';

/** HTTP calls of reminders and alerts: the admin's list, and a user's own email and opt-out. */
export async function listNotifications(signal?: AbortSignal): Promise<Notification[]> {
  const response = await send('GET', '/api/notifications', { signal });
  return (await parseBody(response, notificationListSchema)).notifications;
}

export async function getAccount(signal?: AbortSignal): Promise<Account> {
  return parseBody(await send('GET', '/api/account', { signal }), accountSchema);
}

export async function updateAccount(patch: UpdateAccountRequest): Promise<Account> {
  return parseBody(await send('PATCH', '/api/account', { body: patch }), accountSchema);
}

export async function resendDelivery(id: number): Promise<void> {
  await send('POST', `/api/deliveries/${id}/resend`, {});
}
