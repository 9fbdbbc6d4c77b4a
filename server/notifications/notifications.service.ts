import type { Board, BoardIndicator } from '../../shared/api/board';
import type { Notification, NotificationKind } from '../../shared/api/notifications';
import type { Status } from '../../shared/indicator/model';
import { reminderDue, type ReminderDue } from '../../shared/indicator/progress';
import { isWorse } from '../../shared/report/weekly';
import { isAdmin, type Principal } from '../auth/principal';
import type { BoardService } from '../board/board.service';
import type { Clock } from '../clock';
import { DomainError } from '../errors';
import type { QueuedMail } from '../mail/deliveries.repository';
import type { MailOutbox } from '../mail/outbox.service';
import { alertMessage, reminderMessage, type AlertItem, type ReminderItem } from './messages';
import type { NewNotification, NotificationRow, NotificationsRepository, ReminderRecipient } from './notifications.repository';

/** How often the check runs: each minute is claimed by one node. */
export const CHECK_EVERY_MS = 60_000;
/** An alert waits this long for others, so that changes within a few minutes go out as one message. */
export const ALERT_GATHER_MS = 3 * 60_000;
const JOB = 'notifications';

export interface NotificationsOptions {
  /** This node for this run: the owner of the minutes it claims. */
  owner: string;
  /** The board's address for links in messages (PUBLIC_URL, else this server's own). */
  baseUrl: () => string;
  /** Settings `alertRecipients`. */
  alertRecipients: () => Promise<string[]>;
  log: { error(obj: object, msg: string): void };
}

/** A reminder the board calls for and no one has recorded yet. */
interface DueReminder extends ReminderDue {
  indicator: BoardIndicator;
  key: string;
}

/** What the alert stores about the moment an indicator got worse. */
interface AlertDetail {
  current: number | null;
  expected: number;
  target: number;
  unit: string;
  decimals: number;
}

/**
 * Tells people what the board knows: reminders to the editors of an indicator's unit before its
 * next reading is due and when it is overdue, alerts to settings `alertRecipients` when a status
 * gets worse. A check a minute, run by whichever node claims the minute; every reminder and
 * alert is a row with a unique key, written in the same transaction as its messages (the mail
 * outbox), so a restart or a second node never sends one twice.
 */
export class NotificationsService {
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<unknown> | undefined;
  /** Reminder keys known to be recorded: a key never goes away, so each is looked up once per node. */
  private readonly recorded = new Set<string>();

  constructor(
    private readonly repository: NotificationsRepository,
    private readonly outbox: MailOutbox,
    private readonly boards: BoardService,
    private readonly clock: Clock,
    private readonly options: NotificationsOptions,
  ) {}

  /** Checks every minute, the first time now. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), CHECK_EVERY_MS);
    this.timer.unref();
    this.tick();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private tick(): void {
    this.running ??= this.check()
      .catch((error: unknown) => this.options.log.error({ err: error }, 'the reminders and alerts check failed'))
      .finally(() => {
        this.running = undefined;
      });
  }

  /**
   * The minute's check, when this node claims the minute (false otherwise, and without SMTP_URL or
   * a current term): records the reminders and alerts the board calls for and queues their mail.
   */
  async check(): Promise<boolean> {
    if (!this.outbox.status.configured) return false;
    const now = this.clock.now();
    const slot = Math.floor(now / CHECK_EVERY_MS);
    if (!(await this.repository.claimSlot(JOB, slot, this.options.owner, now))) return false;
    const board = await this.boards.board().catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'not_found') return undefined;
      throw error;
    });
    if (!board) return false;

    const reminders = await this.dueReminders(board);
    const watched = await this.repository.watchedStatuses();
    const changed = board.indicators.filter((indicator) => watched.get(indicator.id) !== indicator.status);
    if (reminders.length === 0 && changed.length === 0 && !(await this.alertsWaiting(now))) return true;

    let staged = false;
    await this.repository.transaction(async () => {
      if (reminders.length > 0) staged = (await this.remind(board, reminders, slot, now)) || staged;
      const worse = changed.flatMap((indicator) => {
        const before = watched.get(indicator.id) as Status | undefined;
        return before && isWorse(before, indicator.status) ? [alertOf(indicator, before, slot, now)] : [];
      });
      await this.repository.add(worse);
      await this.repository.watch(
        changed.map((indicator) => ({ indicatorId: indicator.id, status: indicator.status })),
        now,
      );
      staged = (await this.mailAlerts(board, slot, now)) || staged;
    });
    // Known from now on (after the commit: a rolled-back check recorded nothing).
    for (const reminder of reminders) this.recorded.add(reminder.key);
    if (staged) this.outbox.kick();
    return true;
  }

  /** The reminders the board calls for today that are not recorded yet (none for a closed term). */
  private async dueReminders(board: Board): Promise<DueReminder[]> {
    if (board.term.closed) return [];
    const due = board.indicators.flatMap((indicator) => {
      const reminder = reminderDue(indicator.updateFrequency, board.term, indicator.lastReadingDate, board.date);
      return reminder ? [{ ...reminder, indicator, key: `reminder:${indicator.id}:${reminder.dueDate}:${reminder.kind}` }] : [];
    });
    const unknown = due.filter((reminder) => !this.recorded.has(reminder.key));
    for (const key of await this.repository.existingKeys(unknown.map((reminder) => reminder.key))) this.recorded.add(key);
    return unknown.filter((reminder) => !this.recorded.has(reminder.key));
  }

  /** Records the reminders and stages one message per editor: the indicators of their units due now. */
  private async remind(board: Board, reminders: DueReminder[], slot: number, now: number): Promise<boolean> {
    const recipients = await this.repository.reminderRecipients([...new Set(reminders.map((reminder) => reminder.indicator.ownerUnit.id))]);
    const byUser = new Map<number, { recipient: ReminderRecipient; reminders: DueReminder[] }>();
    for (const recipient of recipients) {
      const entry = byUser.get(recipient.userId) ?? { recipient, reminders: [] };
      entry.reminders.push(...reminders.filter((reminder) => reminder.indicator.ownerUnit.id === recipient.unitId));
      byUser.set(recipient.userId, entry);
    }
    const topicsOf = new Map<string, string[]>();
    const mails: QueuedMail[] = [];
    for (const [userId, { recipient, reminders: mine }] of byUser) {
      const topic = `reminders:${slot}:${userId}`;
      for (const reminder of mine) topicsOf.set(reminder.key, [...(topicsOf.get(reminder.key) ?? []), topic]);
      const items: ReminderItem[] = mine.map(({ indicator, kind, dueDate }) => ({
        code: indicator.code,
        name: indicator.name,
        kind,
        dueDate,
        lastReadingDate: indicator.lastReadingDate,
        updateFrequency: indicator.updateFrequency,
        link: this.link(`/workspace?indicator=${indicator.id}`),
      }));
      const message = reminderMessage({ lang: board.defaults.lang, recipientName: recipient.displayName, term: board.term.name, items, accountLink: this.link('/account') });
      mails.push({ topic, exportId: null, recipient: recipient.email, ...message, attachments: [] });
    }
    await this.repository.add(
      reminders.map((reminder) => ({
        key: reminder.key,
        kind: (reminder.kind === 'overdue' ? 'reminder_overdue' : 'reminder_due') satisfies NotificationKind,
        indicatorId: reminder.indicator.id,
        dueDate: reminder.dueDate,
        createdAt: now,
        // An indicator whose unit has no editor to tell is recorded all the same, with no message.
        mailTopics: JSON.stringify(topicsOf.get(reminder.key) ?? []),
      })),
    );
    return mails.length > 0 && (await this.outbox.stage(mails));
  }

  private async alertsWaiting(now: number): Promise<boolean> {
    const [oldest] = await this.repository.waitingAlerts();
    return oldest !== undefined && oldest.createdAt <= now - ALERT_GATHER_MS;
  }

  /**
   * Once the oldest waiting alert has waited ALERT_GATHER_MS, every waiting alert goes out in one
   * message to each alert recipient: an indicator that got worse twice meanwhile, once, from its
   * first status to its last.
   */
  private async mailAlerts(board: Board, slot: number, now: number): Promise<boolean> {
    const waiting = await this.repository.waitingAlerts();
    const [oldest] = waiting;
    if (!oldest || oldest.createdAt > now - ALERT_GATHER_MS) return false;
    const codes = new Map(board.indicators.map((indicator) => [indicator.id, indicator]));
    const byIndicator = new Map<number, AlertItem>();
    for (const row of waiting) {
      const indicator = codes.get(row.indicatorId);
      if (!indicator) continue;
      const detail = JSON.parse(row.detail) as AlertDetail;
      const earlier = byIndicator.get(row.indicatorId);
      byIndicator.set(row.indicatorId, {
        code: indicator.code,
        name: indicator.name,
        from: earlier?.from ?? (row.fromStatus as Status),
        to: row.toStatus as Status,
        ...detail,
        link: this.link(`/workspace/indicators/${indicator.id}`),
      });
    }
    const recipients = byIndicator.size > 0 ? await this.options.alertRecipients() : [];
    const topic = `alerts:${slot}`;
    await this.repository.setMailTopics(
      waiting.map((row) => row.id),
      recipients.length > 0 ? [topic] : [],
    );
    if (recipients.length === 0) return false;
    const message = alertMessage({ lang: board.defaults.lang, term: board.term.name, items: [...byIndicator.values()] });
    return this.outbox.stage(recipients.map((recipient) => ({ topic, exportId: null, recipient, ...message, attachments: [] })));
  }

  /** Reminders and alerts newest first, each with its deliveries (admins). */
  async list(principal: Principal, query: { limit: number; before?: number | undefined }): Promise<Notification[]> {
    if (!isAdmin(principal)) throw new DomainError('forbidden', 'only an admin reads the reminders and alerts');
    const rows = await this.repository.list(query.limit, query.before);
    const topicsOf = (row: NotificationRow) => (row.mailTopics === null ? [] : (JSON.parse(row.mailTopics) as string[]));
    const deliveries = await this.outbox.ofTopics([...new Set(rows.flatMap(topicsOf))]);
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind as NotificationKind,
      indicator: { id: row.indicatorId, code: row.code, name: row.name },
      dueDate: row.dueDate,
      from: row.fromStatus as Status | null,
      to: row.toStatus as Status | null,
      createdAt: new Date(row.createdAt).toISOString(),
      mailed: row.mailTopics !== null,
      deliveries: topicsOf(row).flatMap((topic) => deliveries.get(topic) ?? []),
    }));
  }

  private link(path: string): string {
    return `${this.options.baseUrl().replace(/\/$/, '')}${path}`;
  }
}

function alertOf(indicator: BoardIndicator, before: Status, slot: number, now: number): NewNotification {
  const detail: AlertDetail = { current: indicator.current, expected: indicator.expected, target: indicator.target, unit: indicator.unit, decimals: indicator.decimals };
  return {
    key: `alert:${indicator.id}:${slot}`,
    kind: 'alert' satisfies NotificationKind,
    indicatorId: indicator.id,
    fromStatus: before,
    toStatus: indicator.status,
    detail: JSON.stringify(detail),
    createdAt: now,
    mailTopics: null,
  };
}
