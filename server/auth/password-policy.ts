import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../http/errors';

/**
 * Commonly used passwords: zxcvbn-ts's list (some 50,000, from leaked password sets; maintained
 * with the package), compared without case. Shape rules (length, control characters) are in
 * shared/api/users.ts passwordSchema.
 */
const COMMON = new Set(dictionary['passwords-common'].map((password) => password.toLowerCase()));

/** Refuses a commonly used password, or the user name itself, as a 400 on `field`. */
export function checkPasswordChoice(password: string, field: string, username?: string): void {
  const lower = password.trim().toLowerCase();
  if (COMMON.has(lower) || (username !== undefined && lower === username.toLowerCase())) {
    throw new AppError('validation_failed', 'this password is too common: choose another', { [field]: 'too_common' });
  }
}
