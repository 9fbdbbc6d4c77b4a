import type { Board } from '../../shared/api/board';
import type { BoardMessage, IndicatorUpdate } from '../../shared/realtime/events';

/** A board message as a node handles it: a board-wide change from this node comes with the board it computed. */
export type FeedMessage = BoardMessage | { kind: 'board'; board: Board };

export interface FeedOutput {
  changes(changes: IndicatorUpdate[]): void;
  snapshot(board: Board): void;
}

export interface FeedSources {
  /** The committed changes after `since`, at most `count`, in seq order (those whose payload is still kept). */
  missed(since: number, count: number): Promise<IndicatorUpdate[]>;
  /** The board now. */
  board(): Promise<Board>;
}

/**
 * Delivers one term's changes to this node's screens in seq order. With several nodes, changes
 * committed on two of them reach a node in the order their messages cross Redis, not always in
 * the order of their `seq`; a screen seeing a gap would resync, every screen of the node at once.
 * So the node fills a gap itself: a change with a `seq` is committed only after every lower one
 * (write transactions run one at a time), so the missing ones are in the change log already;
 * they go out first, and the late messages are dropped when they come.
 */
export class SeqOrderedFeed {
  private delivered: number | undefined;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly output: FeedOutput,
    private readonly sources: FeedSources,
    private readonly onError: (error: unknown) => void,
  ) {}

  push(message: FeedMessage): void {
    this.chain = this.chain.then(() => this.process(message)).catch(this.onError);
  }

  /** Resolves once every message pushed so far is delivered (tests). */
  idle(): Promise<void> {
    return this.chain;
  }

  private async process(message: FeedMessage): Promise<void> {
    if (message.kind === 'board') {
      // A board computed before changes this node has already delivered would take them back.
      let board = 'board' in message ? message.board : undefined;
      if (!board || (this.delivered !== undefined && board.seq < this.delivered)) board = await this.sources.board();
      this.delivered = Math.max(this.delivered ?? 0, board.seq);
      this.output.snapshot(board);
      return;
    }
    const out: IndicatorUpdate[] = [];
    for (const update of [...message.changes].sort((a, b) => a.seq - b.seq)) {
      if (this.delivered !== undefined && update.seq <= this.delivered) continue;
      if (this.delivered !== undefined && update.seq > this.delivered + 1) {
        out.push(...(await this.sources.missed(this.delivered, update.seq - this.delivered - 1)));
      }
      out.push(update);
      this.delivered = update.seq;
    }
    if (out.length > 0) this.output.changes(out);
  }
}
