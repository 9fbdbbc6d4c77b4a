import type { Board } from '../../shared/api/board';
import type { BoardMessage, IndicatorUpdate } from '../../shared/realtime/events';

/** A board message as a node handles it: a board-wide change from this node comes with the board it computed. */
export type FeedMessage = BoardMessage | { kind: 'board'; board: Board };

/** Beyond this many missed changes a fresh snapshot is smaller than the replay. */
export const MAX_REPLAY = 500;

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
 *
 * It also keeps what it delivered last (MAX_REPLAY changes): a screen that joins or resyncs is
 * brought to `delivered` from here, in the same turn as it joins, so it misses nothing between
 * its snapshot and the next change sent (docs/decisions.md, "Screens join at the feed").
 */
export class SeqOrderedFeed {
  private lastDelivered: number | undefined;
  /** The changes delivered after `tailSince`, in seq order and without a gap, up to `lastDelivered`. */
  private tail: IndicatorUpdate[] = [];
  private tailSince = 0;
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

  /** The seq of the last change sent to the screens (undefined: none since this node started). */
  get delivered(): number | undefined {
    return this.lastDelivered;
  }

  /** The changes delivered after `since`, in seq order, or undefined when they are not all kept. */
  deliveredAfter(since: number): IndicatorUpdate[] | undefined {
    const delivered = this.lastDelivered;
    if (delivered === undefined || since >= delivered) return [];
    if (since < this.tailSince) return undefined;
    return this.tail.slice(since - this.tailSince);
  }

  private async process(message: FeedMessage): Promise<void> {
    if (message.kind === 'board') {
      // A board computed before changes this node has already delivered would take them back.
      let board = 'board' in message ? message.board : undefined;
      if (!board || (this.lastDelivered !== undefined && board.seq < this.lastDelivered)) board = await this.sources.board();
      this.lastDelivered = Math.max(this.lastDelivered ?? 0, board.seq);
      // Nothing before a board-wide change can be replayed past it.
      this.tail = [];
      this.tailSince = this.lastDelivered;
      this.output.snapshot(board);
      return;
    }
    const out: IndicatorUpdate[] = [];
    let cursor = this.lastDelivered;
    for (const update of [...message.changes].sort((a, b) => a.seq - b.seq)) {
      if (cursor !== undefined && update.seq <= cursor) continue;
      if (cursor !== undefined && update.seq > cursor + 1) out.push(...(await this.sources.missed(cursor, update.seq - cursor - 1)));
      out.push(update);
      cursor = update.seq;
    }
    if (out.length === 0) return;
    // What was delivered and what is kept of it change together, in the turn the screens are sent it.
    for (const update of out) this.keep(update);
    this.lastDelivered = cursor;
    this.output.changes(out);
  }

  private keep(update: IndicatorUpdate): void {
    // A gap the log could not fill: nothing before it can be replayed.
    if (update.seq !== this.tailSince + this.tail.length + 1) {
      this.tail = [];
      this.tailSince = update.seq - 1;
    }
    this.tail.push(update);
    // Let go of the oldest a hundred at a time, not one by one.
    if (this.tail.length >= MAX_REPLAY + 100) {
      const drop = this.tail.length - MAX_REPLAY;
      this.tail.splice(0, drop);
      this.tailSince += drop;
    }
  }
}
