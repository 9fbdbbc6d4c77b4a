import { z } from 'zod';

/** `smtp://host:port` or `smtps://user:pass@host:port` (user and password optional on both). */
export function isSmtpUrl(value: string): boolean {
  if (!/^smtps?:\/\/./i.test(value) || !URL.canParse(value)) return false;
  return new URL(value).hostname !== '';
}

/** Where mail goes, for the log: protocol, host and port, never the user or the password. */
export function smtpServerOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}

const address = z.email();

/** `a@b.vn` or `Name <a@b.vn>`: a sender the SMTP server and the recipients' clients accept. */
export function isMailbox(value: string): boolean {
  const named = /^[^<>]*<([^<>]+)>$/.exec(value);
  return address.safeParse((named?.[1] ?? value).trim()).success;
}
