import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';

/** One message to one address, ready to hand to the SMTP server. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: Array<{ filename: string; path: string; contentType: string }>;
  /** A stable Message-ID: a message sent again (a retry that did arrive) reads as the same one. */
  messageId: string;
}

/** The SMTP server refused a message, or could not be reached: its answer, as it said it. */
export class MailRefused extends Error {
  constructor(readonly answer: string) {
    super(answer);
  }
}

export interface Mailer {
  /** Hands one message to the SMTP server; throws MailRefused with the server's answer. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Messages handed to the SMTP server at once: one pooled connection each. */
export const SENDING_AT_ONCE = 4;

/*
 * A send never outlasts the outbox's lease (MailOutbox.LEASE_MS): each step gives up in seconds,
 * where nodemailer's defaults wait minutes.
 */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** The mailer over nodemailer's SMTP transport: SMTP_URL, MAIL_FROM as the sender. */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  // Pooled: the recipients of one report share a connection instead of one handshake each.
  const transport = nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: SENDING_AT_ONCE, ...TIMEOUTS } as SMTPTransport.Options);
  return {
    async send(mail) {
      try {
        await transport.sendMail({ from, ...mail });
      } catch (error) {
        throw new MailRefused(answerOf(error));
      }
    },
    close() {
      transport.close();
    },
  };
}

/** The server's own words when it answered (`550 5.1.1 <x@y>: unknown user`), else what failed. */
function answerOf(error: unknown): string {
  const smtp = error as { response?: unknown; message?: unknown; code?: unknown };
  if (typeof smtp.response === 'string' && smtp.response !== '') return smtp.response;
  const message = typeof smtp.message === 'string' ? smtp.message : String(error);
  return typeof smtp.code === 'string' ? `${smtp.code}: ${message}` : message;
}
