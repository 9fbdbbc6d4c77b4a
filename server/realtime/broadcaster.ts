import type { Server, Socket } from 'socket.io';
import type { Board } from '../../shared/api/board';
import type { BoardMessage, ClientToServerEvents, DisplayCommand, DisplaySettings, IndicatorUpdate, InterServerEvents, ServerToClientEvents } from '../../shared/realtime/events';
import { BOARD_ROOM_PREFIX } from '../../shared/realtime/events';
import type { TokenSockets } from '../displays/displays.service';
import { replayBatch, ScreenDelivery } from './screen-delivery';
import { SeqOrderedFeed, type FeedSources } from './seq-ordered-feed';
import type { SocketData } from './socket-data';

export type BoardServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type BoardServerSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/**
 * Where a socket that asks to catch up from `since` stands against what this node delivered:
 * `replay` (sent to it), `current`, `lost` (no longer kept), `ahead` of it (on its way), or
 * `unknown` (this node has delivered nothing since it started).
 */
export type CatchUpOutcome = 'replay' | 'current' | 'lost' | 'ahead' | 'unknown';

/** How screens join a board and catch up (server/realtime/board-feed.service.ts). */
export interface ScreenRooms {
  welcome(socket: BoardServerSocket, board: Board): boolean;
  catchUp(socket: BoardServerSocket, termId: number, since: number): CatchUpOutcome;
}

export function boardRoom(termId: number): string {
  return `${BOARD_ROOM_PREFIX}${termId}`;
}

export function tokenRoom(tokenId: number): string {
  return `token:${tokenId}`;
}

/**
 * The only place that emits to screens. Called after a change has committed.
 *
 * Board changes go to every node as a server-side message (with several nodes), in full, and
 * each node sends them to its own screens through a SeqOrderedFeed, in seq order, as deltas
 * coalesced under load (ScreenDelivery). A board-wide change crosses as a signal only: each
 * node sends the snapshot it computes itself (a large board is over a megabyte). A screen joins
 * its room through `welcome`, at the feed's last delivered change. Rooms of tokens (presence,
 * settings, commands, revocation) go through the adapter, which spans the nodes.
 */
export class Broadcaster implements TokenSockets, ScreenRooms {
  private readonly feeds = new Map<number, { feed: SeqOrderedFeed; delivery: ScreenDelivery }>();

  constructor(
    private readonly io: BoardServer,
    private readonly options: {
      /** Several nodes share this board (REDIS_URL): tell the others. */
      clustered: boolean;
      sources: (termId: number) => FeedSources;
      onError: (error: unknown) => void;
    },
  ) {
    io.on('board:message', (termId, message) => this.feed(termId).feed.push(message));
  }

  /** What one unit of work committed (server/changes/change-publisher.ts), in full and in seq order, in one call: every screen of the term gets them. */
  changesCommitted(termId: number, updates: readonly IndicatorUpdate[]): void {
    if (updates.length > 0) this.publish(termId, { kind: 'changes', changes: [...updates] });
  }

  indicatorUpdated(termId: number, update: IndicatorUpdate): void {
    this.changesCommitted(termId, [update]);
  }

  indicatorsUpdated(termId: number, changes: IndicatorUpdate[]): void {
    this.changesCommitted(termId, changes);
  }

  /**
   * Sends a socket `board` and joins it to the board's room in the same turn, with the changes
   * this node delivered after the board's seq (it was read a moment ago): from then on the room
   * brings it every later change, none missed or out of order. False when those changes are no
   * longer kept: a fresher board is needed.
   */
  welcome(socket: BoardServerSocket, board: Board): boolean {
    // Gone while its board was read: a room must not keep it.
    if (socket.disconnected) return true;
    const missed = this.feed(board.term.id).feed.deliveredAfter(board.seq);
    if (!missed) return false;
    socket.emit('board:snapshot', board);
    if (missed.length > 0) socket.emit('indicators:updated', replayBatch(board.seq, missed, board.indicators));
    void socket.join(boardRoom(board.term.id));
    return true;
  }

  /** Replays to a socket that stands at `since` what it missed of the changes this node delivered (each indicator whole). */
  catchUp(socket: BoardServerSocket, termId: number, since: number): CatchUpOutcome {
    const feed = this.feed(termId).feed;
    if (feed.delivered === undefined) return 'unknown';
    if (since > feed.delivered) return 'ahead';
    if (since === feed.delivered) return 'current';
    const missed = feed.deliveredAfter(since);
    if (!missed) return 'lost';
    socket.emit('indicators:updated', replayBatch(since, missed));
    return 'replay';
  }

  /** A fresh board for every screen of the term: for changes an update cannot carry. */
  snapshot(termId: number, board: Board): void {
    if (this.options.clustered) this.io.serverSideEmit('board:message', termId, { kind: 'board' });
    this.feed(termId).feed.push({ kind: 'board', board });
  }

  /** The current term changed: its screens now follow the new one's board. */
  moveBoard(fromTermId: number, toTermId: number): void {
    this.io.in(boardRoom(fromTermId)).socketsJoin(boardRoom(toTermId));
    this.io.in(boardRoom(fromTermId)).socketsLeave(boardRoom(fromTermId));
  }

  /** Resolves once this node has sent its screens every board message it has (tests). */
  async idle(): Promise<void> {
    await Promise.all([...this.feeds.values()].map(async ({ feed, delivery }) => (await feed.idle(), await delivery.settled())));
  }

  async connections(tokenId: number): Promise<number> {
    return (await this.io.in(tokenRoom(tokenId)).fetchSockets()).length;
  }

  disconnect(tokenId: number): void {
    this.io.in(tokenRoom(tokenId)).disconnectSockets(true);
  }

  sendSettings(tokenId: number, settings: DisplaySettings): void {
    this.io.to(tokenRoom(tokenId)).emit('display:settings', settings);
  }

  async sendCommand(tokenId: number, command: DisplayCommand): Promise<number> {
    const sockets = await this.io.in(tokenRoom(tokenId)).fetchSockets();
    this.io.to(tokenRoom(tokenId)).emit('display:command', command);
    return sockets.length;
  }

  private publish(termId: number, message: BoardMessage): void {
    if (this.options.clustered) this.io.serverSideEmit('board:message', termId, message);
    this.feed(termId).feed.push(message);
  }

  private feed(termId: number): { feed: SeqOrderedFeed; delivery: ScreenDelivery } {
    let entry = this.feeds.get(termId);
    if (!entry) {
      const room = () => this.io.local.to(boardRoom(termId));
      const delivery = new ScreenDelivery({
        delta: (delta) => room().emit('indicator:updated', delta),
        batch: (batch) => room().emit('indicators:updated', batch),
        snapshot: (board) => room().emit('board:snapshot', board),
      });
      entry = { feed: new SeqOrderedFeed(delivery, this.options.sources(termId), this.options.onError), delivery };
      this.feeds.set(termId, entry);
    }
    return entry;
  }
}
