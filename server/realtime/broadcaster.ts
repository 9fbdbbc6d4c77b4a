import type { Server } from 'socket.io';
import type { Board } from '../../shared/api/board';
import type { BoardMessage, ClientToServerEvents, DisplayCommand, DisplaySettings, IndicatorUpdate, InterServerEvents, ServerToClientEvents } from '../../shared/realtime/events';
import { BOARD_ROOM_PREFIX } from '../../shared/realtime/events';
import type { TokenSockets } from '../displays/displays.service';
import { SeqOrderedFeed, type FeedSources } from './seq-ordered-feed';
import type { SocketData } from './socket-data';

export type BoardServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export function boardRoom(termId: number): string {
  return `${BOARD_ROOM_PREFIX}${termId}`;
}

export function tokenRoom(tokenId: number): string {
  return `token:${tokenId}`;
}

/**
 * The only place that emits to screens. Called after a change has committed.
 *
 * Board changes go to every node as a server-side message (with several nodes), and each node
 * sends them to its own screens through a SeqOrderedFeed, in seq order. A board-wide change
 * crosses as a signal only: each node sends the snapshot it computes itself (a large board is
 * over a megabyte). Rooms of tokens (presence, settings, commands, revocation) go through the
 * adapter, which spans the nodes.
 */
export class Broadcaster implements TokenSockets {
  private readonly feeds = new Map<number, SeqOrderedFeed>();

  constructor(
    private readonly io: BoardServer,
    private readonly options: {
      /** Several nodes share this board (REDIS_URL): tell the others. */
      clustered: boolean;
      sources: (termId: number) => FeedSources;
      onError: (error: unknown) => void;
    },
  ) {
    io.on('board:message', (termId, message) => this.feed(termId).push(message));
  }

  indicatorUpdated(termId: number, update: IndicatorUpdate): void {
    this.publish(termId, { kind: 'changes', changes: [update] });
  }

  /** Consecutive changes of one commit (an import), in seq order, as one message. */
  indicatorsUpdated(termId: number, changes: IndicatorUpdate[]): void {
    this.publish(termId, { kind: 'changes', changes });
  }

  /** A fresh board for every screen of the term: for changes an update cannot carry. */
  snapshot(termId: number, board: Board): void {
    if (this.options.clustered) this.io.serverSideEmit('board:message', termId, { kind: 'board' });
    this.feed(termId).push({ kind: 'board', board });
  }

  /** The current term changed: its screens now follow the new one's board. */
  moveBoard(fromTermId: number, toTermId: number): void {
    this.io.in(boardRoom(fromTermId)).socketsJoin(boardRoom(toTermId));
    this.io.in(boardRoom(fromTermId)).socketsLeave(boardRoom(fromTermId));
  }

  /** Resolves once this node has delivered every board message it has (tests). */
  async idle(): Promise<void> {
    await Promise.all([...this.feeds.values()].map((feed) => feed.idle()));
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
    this.feed(termId).push(message);
  }

  private feed(termId: number): SeqOrderedFeed {
    let feed = this.feeds.get(termId);
    if (!feed) {
      const room = () => this.io.local.to(boardRoom(termId));
      feed = new SeqOrderedFeed(
        {
          changes: (changes) => (changes.length === 1 ? room().emit('indicator:updated', changes[0]!) : room().emit('indicators:updated', { changes })),
          snapshot: (board) => room().emit('board:snapshot', board),
        },
        this.options.sources(termId),
        this.options.onError,
      );
      this.feeds.set(termId, feed);
    }
    return feed;
  }
}
