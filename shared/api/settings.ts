import { z } from 'zod';
import { mailStatusSchema, recipientsSchema } from './mail';

export const settingsSchema = z.object({
  officeName: z.string(),
  /** The office's logo, public (screens show it without a session), or null. */
  logoUrl: z.string().nullable(),
  defaultLang: z.enum(['vi', 'en']),
  defaultTheme: z.enum(['dark', 'light']),
  exportCron: z.string(),
  exportTimeZone: z.string(),
  exportRetentionWeeks: z.number(),
  /** Who receives every finished export by email; shown to admins only (absent for others). */
  reportRecipients: z.array(z.string()).optional(),
  /** Who receives an alert when an indicator's status gets worse; admins only. */
  alertRecipients: z.array(z.string()).optional(),
  /** Whether email goes out at all (SMTP_URL), and why not. */
  mail: mailStatusSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = z
  .strictObject({
    officeName: z.string().trim().min(1).max(200).optional(),
    defaultLang: z.enum(['vi', 'en']).optional(),
    defaultTheme: z.enum(['dark', 'light']).optional(),
    exportCron: z.string().trim().min(1).max(100).optional(),
    exportTimeZone: z.string().trim().min(1).max(100).optional(),
    exportRetentionWeeks: z.int().min(1).max(5200).optional(),
    reportRecipients: recipientsSchema.optional(),
    alertRecipients: recipientsSchema.optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'nothing to change' });
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const LOGO_MAX_BYTES = 300 * 1024;
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
