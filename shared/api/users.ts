import { z } from 'zod';
import { emailAddressSchema } from './mail';
import { ROLES } from './session';

export const PASSWORD_MIN = 10;

/** User names: lower-case letters, digits, dot, dash, underscore (matched without case). */
export const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(50)
  .regex(/^[A-Za-z0-9._-]+$/);

/**
 * A password: 10 to 200 characters, no control characters (NUL, tab, newline...), and at least 10
 * without the spaces around it. The server also refuses commonly used passwords (a list from a
 * package: server/auth/password-policy.ts).
 */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN)
  .max(200)
  .regex(/^[^\p{Cc}]*$/u, { message: 'no control characters' })
  .regex(new RegExp(`^\\s*\\S[^]{${PASSWORD_MIN - 2},}\\S\\s*$`, 'u'), { message: `at least ${PASSWORD_MIN} characters besides spaces` });

export const userSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  unitIds: z.array(z.number()),
  disabled: z.boolean(),
  createdAt: z.string(),
  /** Where reminders go; null: none. */
  email: z.string().nullable(),
  /** False once the user opted out of reminder emails. */
  receivesReminders: z.boolean(),
});
export type User = z.infer<typeof userSchema>;
export const userListSchema = z.object({ users: z.array(userSchema) });

export const createUserRequestSchema = z.strictObject({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(100),
  password: passwordSchema,
  role: z.enum(ROLES),
  unitIds: z.array(z.int().positive()).max(100).default([]),
  email: emailAddressSchema.nullable().default(null),
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z
  .strictObject({
    displayName: z.string().trim().min(1).max(100).optional(),
    role: z.enum(ROLES).optional(),
    unitIds: z.array(z.int().positive()).max(100).optional(),
    disabled: z.boolean().optional(),
    email: emailAddressSchema.nullable().optional(),
    receivesReminders: z.boolean().optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'nothing to change' });
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

/** An admin sets a new password for someone. */
export const resetPasswordRequestSchema = z.strictObject({ password: passwordSchema });

/** A user changes their own password. */
export const changePasswordRequestSchema = z
  .strictObject({ currentPassword: z.string().min(1).max(200), newPassword: passwordSchema })
  .refine((r) => r.currentPassword !== r.newPassword, { message: 'the new password is the old one', path: ['newPassword'] });
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

export const unitSchema = z.object({ id: z.number(), name: z.string(), parentId: z.number().nullable() });
export type Unit = z.infer<typeof unitSchema>;
export const unitListSchema = z.object({ units: z.array(unitSchema) });

/** What a user sets for themself on /account: where reminders go, and whether they want them. */
export const accountSchema = z.object({ email: z.string().nullable(), receivesReminders: z.boolean() });
export type Account = z.infer<typeof accountSchema>;

export const updateAccountRequestSchema = z
  .strictObject({ email: emailAddressSchema.nullable().optional(), receivesReminders: z.boolean().optional() })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'nothing to change' });
export type UpdateAccountRequest = z.infer<typeof updateAccountRequestSchema>;
