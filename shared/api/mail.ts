import { z } from 'zod';

export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** At most this many addresses in each list of recipients. */
export const MAX_RECIPIENTS = 50;

/** One email address: valid, trimmed, at most 254 characters. */
export const emailAddressSchema = z.string().trim().max(254).pipe(z.email());

/**
 * A list of email addresses (the weekly report's or the alerts' recipients): each a valid
 * address, trimmed, at most MAX_RECIPIENTS, no address twice (compared without case).
 */
export const recipientsSchema = z
  .array(emailAddressSchema)
  .max(MAX_RECIPIENTS)
  .refine((list) => new Set(list.map((address) => address.toLowerCase())).size === list.length, { message: 'an address appears twice' });

/** One message to one address, as the API shows it: `at` is when its status last changed. */
export const deliverySchema = z.object({
  id: z.number(),
  to: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  at: z.string(),
  /** The SMTP server's answer to the last failed attempt. */
  error: z.string().optional(),
  attempts: z.number(),
  /** When it is tried again (pending, or failed with tries left); null once sent or given up. */
  retryAt: z.string().nullable(),
});
export type Delivery = z.infer<typeof deliverySchema>;

/**
 * Whether this server sends email, for the settings page. `smtp_url_missing`: the environment
 * has no SMTP_URL, so nothing is sent.
 */
export const mailStatusSchema = z.object({
  configured: z.boolean(),
  reason: z.enum(['smtp_url_missing']).optional(),
  /** MAIL_FROM, the sender of every message. */
  from: z.string().nullable(),
});
export type MailStatus = z.infer<typeof mailStatusSchema>;

export const resendAnswerSchema = z.object({ delivery: deliverySchema });
