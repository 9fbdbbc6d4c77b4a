import { relative } from 'node:path';
import type { Board } from '../../shared/api/board';
import type { BoardService } from '../board/board.service';
import type { ExportsService } from '../exports/exports.service';
import type { MailOutbox } from './outbox.service';
import { reportMessage } from './report-message';
import { weekBefore } from '../../shared/report/weekly';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** The topic of an export's report mail: each recipient gets it once. */
export function reportTopic(exportId: number): string {
  return `report:${exportId}`;
}

/**
 * Mails every finished export to the report recipients (settings): one message each, the PDF
 * attached, a short summary of the week in the body. Queued in the outbox, which sends it.
 */
export class ReportMailService {
  constructor(
    private readonly outbox: MailOutbox,
    private readonly exportsService: ExportsService,
    private readonly boards: BoardService,
    private readonly recipients: () => Promise<string[]>,
    private readonly options: { dataDir: string; log: { info(obj: object, msg: string): void } },
  ) {}

  /** Called when an export finished well: queues its mail (nothing without SMTP_URL or recipients). */
  async exportDone(exportId: number): Promise<void> {
    if (!this.outbox.status.configured) {
      this.options.log.info({ exportId }, 'export not mailed: no SMTP_URL');
      return;
    }
    const recipients = await this.recipients();
    if (recipients.length === 0) return;
    const exported = await this.exportsService.get(exportId);
    const pdf = exported.files.find((file) => file.type === 'application/pdf');
    if (exported.status !== 'done' || !pdf) return;
    const asOf = Date.parse(exported.asOf);
    const board = await this.boards.board(asOf);
    const message = reportMessage({ board, previous: await this.boardBefore(asOf - WEEK_MS), week: exported.week, asOf, timeZone: this.boards.timeZone });
    const file = await this.exportsService.filePath(exportId, pdf.name);
    const attachment = { filename: pdf.name, path: relative(this.options.dataDir, file.path), contentType: 'application/pdf' };
    await this.outbox.queue(recipients.map((recipient) => ({ topic: reportTopic(exportId), exportId, recipient, ...message, attachments: [attachment] })));
  }

  /** The board a week before, or none when the term had not begun. */
  private async boardBefore(instant: number): Promise<Board | undefined> {
    return weekBefore(await this.boards.board(instant));
  }
}
