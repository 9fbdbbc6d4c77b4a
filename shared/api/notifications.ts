import { z } from 'zod';
import { STATUSES } from '../indicator/model';
import { deliverySchema } from './mail';

export const NOTIFICATION_KINDS = ['reminder_due', 'reminder_overdue', 'alert'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * A reminder (to the editors of an indicator's unit) or an alert (to settings `alertRecipients`),
 * with the deliveries that carried it: one per address, sent, failed or retried by the outbox.
 */
export const notificationSchema = z.object({
  id: z.number(),
  kind: z.enum(NOTIFICATION_KINDS),
  indicator: z.object({ id: z.number(), code: z.string(), name: z.string() }),
  /** Reminders: the date the next reading is due. */
  dueDate: z.string().nullable(),
  /** Alerts: the status before and after. */
  from: z.enum(STATUSES).nullable(),
  to: z.enum(STATUSES).nullable(),
  createdAt: z.string(),
  /** False while an alert waits a few minutes for others to go in the same message. */
  mailed: z.boolean(),
  deliveries: z.array(deliverySchema),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.object({ notifications: z.array(notificationSchema) });
export type NotificationList = z.infer<typeof notificationListSchema>;

export const notificationQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
});
