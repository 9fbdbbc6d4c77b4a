import { hash, randomBytes } from 'node:crypto';

/** A new secret: 32 random bytes, URL-safe, with a prefix that tells what it opens. */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/**
 * Secrets are stored as SHA-256: they carry 256 bits of randomness, so a slow password hash adds
 * nothing, and a stolen database opens no screen or session.
 */
export function hashSecret(secret: string): string {
  // One call, not a Hash object: every signed-in request hashes its cookie.
  return hash('sha256', secret, 'hex');
}
