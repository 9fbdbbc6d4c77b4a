import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Delivery, MailStatus } from '../../shared/api/mail';
import { isAdmin, type Principal } from '../auth/principal';
import type { Clock } from '../clock';
import { DomainError } from '../errors';
import type { DeliveriesRepository, DeliveryRow, QueuedMail } from './deliveries.repository';
import { MailRefused, SENDING_AT_ONCE, type Mailer } from './mailer';

export interface OutboxOptions {
  /** DATA_DIR: attachments are stored relative to it. */
  dataDir: string;
  /** This node for this run: the owner of the leases it takes. */
  owner: string;
  /** MAIL_FROM, shown on the settings page. */
  from: string | null;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

/** How long a node holds a delivery it is sending; far longer than a send may take (mailer.ts). */
export const LEASE_MS = 5 * 60_000;
/** Waits before the 2nd, 3rd … attempt; after the last, the delivery is given up (a "Gửi lại" sends it again). */
export const RETRY_AFTER_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000];
/** How often a node looks for due retries and deliveries a dead node left. */
const POLL_EVERY_MS = 15_000;
const BATCH = 20;

/**
 * The one way termboard sends email (the weekly report now; reminders and alerts next): a
 * message is queued as a row per address, rendered already, then handed to the SMTP server by
 * whichever node claims it; failures are recorded with the server's answer and retried with
 * backoff. Rows survive restarts; a sent row is never sent again unless an admin asks.
 */
export class MailOutbox {
  private running: Promise<void> | undefined;
  private again = false;
  private stopping = false;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly repository: DeliveriesRepository,
    /** Undefined without SMTP_URL: nothing is queued, nothing is sent. */
    private readonly mailer: Mailer | undefined,
    private readonly clock: Clock,
    private readonly options: OutboxOptions,
  ) {}

  get status(): MailStatus {
    return this.mailer ? { configured: true, from: this.options.from } : { configured: false, reason: 'smtp_url_missing', from: null };
  }

  /** Queues messages (each topic and address once) and starts sending them. False without SMTP_URL: nothing queued. */
  async queue(mails: QueuedMail[]): Promise<boolean> {
    if (!this.mailer) return false;
    const added = await this.repository.queue(mails, this.clock.now());
    if (added > 0) this.kick();
    return true;
  }

  /**
   * Writes messages into the outbox inside the caller's write transaction, so that they commit
   * with what they are about (a reminder recorded once). The caller calls `kick()` after its
   * commit: a send started inside the transaction would join it. False without SMTP_URL.
   */
  async stage(mails: QueuedMail[]): Promise<boolean> {
    if (!this.mailer) return false;
    await this.repository.queue(mails, this.clock.now());
    return true;
  }

  /** Sends what is due now, on this node: at once after a queue, and on a timer for retries. */
  kick(): void {
    if (!this.mailer || this.stopping) return;
    this.again = true;
    this.running ??= this.drain()
      // The database away: logged, and the next kick (the timer) tries again.
      .catch((error: unknown) => this.options.log.error({ err: error }, 'sending mail failed'))
      .finally(() => {
        this.running = undefined;
      });
  }

  /** Sends what is due now and resolves when nothing is left to send (tests, the bench). */
  async sendDue(): Promise<void> {
    this.kick();
    await this.idle();
  }

  /** Resolves once this node's sending has stopped. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  start(): void {
    if (!this.mailer || this.timer) return;
    this.timer = setInterval(() => this.kick(), POLL_EVERY_MS);
    this.timer.unref();
    this.kick();
  }

  /** Stops: the message being sent finishes; claimed ones not yet sent are given back. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.idle();
    this.mailer?.close();
  }

  /** "Gửi lại": an admin sends a delivery again, whatever became of it. */
  async resend(principal: Principal, id: number): Promise<Delivery> {
    if (!isAdmin(principal)) throw new DomainError('forbidden', 'only an admin sends a message again');
    if (!this.mailer) throw new DomainError('conflict', 'email is not configured on this server (SMTP_URL)');
    const row = await this.repository.resend(id, this.clock.now());
    if (!row) throw new DomainError('not_found', `delivery ${id} not found`);
    this.kick();
    return describeDelivery(row);
  }

  /** Each export's deliveries, for the export's description. */
  async ofExports(exportIds: number[]): Promise<Map<number, Delivery[]>> {
    const byExport = new Map<number, Delivery[]>();
    for (const row of await this.repository.ofExports(exportIds)) {
      const list = byExport.get(row.exportId!) ?? [];
      list.push(describeDelivery(row));
      byExport.set(row.exportId!, list);
    }
    return byExport;
  }

  /** Each topic's deliveries (reminders and alerts), in the order they were queued. */
  async ofTopics(topics: string[]): Promise<Map<string, Delivery[]>> {
    const byTopic = new Map<string, Delivery[]>();
    for (const row of await this.repository.ofTopics(topics)) byTopic.set(row.topic, [...(byTopic.get(row.topic) ?? []), describeDelivery(row)]);
    return byTopic;
  }

  private async drain(): Promise<void> {
    while (this.again && !this.stopping) {
      this.again = false;
      for (;;) {
        const now = this.clock.now();
        const claimed = await this.repository.claimDue(now, this.options.owner, now + LEASE_MS, BATCH);
        if (claimed.length === 0) break;
        this.again = true;
        // A few at a time over the pooled connections (mailer.ts): the SMTP round trips of one
        // message overlap the next one's encoding, so 50 recipients do not wait in single file.
        let next = 0;
        const worker = async () => {
          while (next < claimed.length && !this.stopping) await this.deliver(claimed[next++]!);
        };
        await Promise.all(Array.from({ length: SENDING_AT_ONCE }, worker));
        if (this.stopping) {
          await this.repository.release(claimed.slice(next).map((row) => row.id), this.options.owner);
          return;
        }
      }
    }
  }

  private async deliver(row: DeliveryRow): Promise<void> {
    const attachments = (JSON.parse(row.attachments) as QueuedMail['attachments']).map((file) => ({ ...file, path: join(this.options.dataDir, file.path) }));
    const missing = attachments.find((file) => !existsSync(file.path));
    if (missing) {
      // The export was pruned (or its files removed): no attempt can succeed.
      await this.repository.record(row.id, this.options.owner, this.clock.now(), { status: 'failed', error: `attachment ${missing.filename} no longer exists`, retryAt: null });
      return;
    }
    try {
      await this.mailer!.send({ to: row.recipient, subject: row.subject, text: row.text, html: row.html, attachments, messageId: `<delivery-${row.id}.${row.topic.replace(/[^\w.-]/g, '-')}@termboard>` });
      await this.repository.record(row.id, this.options.owner, this.clock.now(), { status: 'sent' });
      this.options.log.info({ deliveryId: row.id, topic: row.topic }, 'mail sent');
    } catch (error) {
      if (!(error instanceof MailRefused)) throw error;
      const wait = RETRY_AFTER_MS[row.attempts];
      const now = this.clock.now();
      await this.repository.record(row.id, this.options.owner, now, { status: 'failed', error: error.answer, retryAt: wait === undefined ? null : now + wait });
      this.options.log.warn({ deliveryId: row.id, topic: row.topic, answer: error.answer, attempt: row.attempts + 1 }, wait === undefined ? 'mail failed, given up' : 'mail failed, will retry');
    }
  }
}

/** A delivery as the API shows it. */
export function describeDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    to: row.recipient,
    status: row.status as Delivery['status'],
    at: new Date(row.updatedAt).toISOString(),
    ...(row.error ? { error: row.error } : {}),
    attempts: row.attempts,
    retryAt: row.nextAttemptAt === null ? null : new Date(row.nextAttemptAt).toISOString(),
  };
}
