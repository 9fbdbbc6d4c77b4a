import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

// Argon2id with the library's defaults (19 MiB, 2 passes: the OWASP recommendation).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A password for the first admin when none is configured: 18 random characters. */
export function generatePassword(): string {
  return randomBytes(14).toString('base64url').slice(0, 18);
}
