import type { AddressInfo } from 'node:net';
import type { Env } from './env';

/** Where a person opens termboard: PUBLIC_URL, else the listening address (a wildcard as localhost). */
export function serverUrl(env: Pick<Env, 'PUBLIC_URL'>, address: AddressInfo | string | null): string {
  if (env.PUBLIC_URL) return env.PUBLIC_URL;
  if (!address || typeof address === 'string') return String(address);
  const host = address.address === '0.0.0.0' || address.address === '::' ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/**
 * The one line the start prints for the person at the console: the URL and, when the first admin
 * was just created with a generated password, that password (shown this once only).
 */
export function startLine(env: Pick<Env, 'PUBLIC_URL'>, address: AddressInfo | string | null, firstAdmin?: { username: string; password: string }): string {
  const line = `termboard is serving on ${serverUrl(env, address)}`;
  if (!firstAdmin) return line;
  return `${line} · first admin: ${firstAdmin.username}  Password: ${firstAdmin.password}  (shown only this once; \`npm run admin -- reset-password ${firstAdmin.username}\` sets a new one)`;
}
