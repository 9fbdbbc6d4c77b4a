import type { Server } from 'socket.io';
import type { ClientToServerEvents, DisplayCommand, DisplaySettings, IndicatorUpdate, InterServerEvents, ServerToClientEvents } from '../../shared/realtime/events';
import { BOARD_ROOM_PREFIX } from '../../shared/realtime/events';
import type { Board } from '../../shared/api/board';
import type { TokenSockets } from '../displays/displays.service';
import type { SocketData } from './socket-data';

export type BoardServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export function boardRoom(termId: number): string {
  return `${BOARD_ROOM_PREFIX}${termId}`;
}

export function tokenRoom(tokenId: number): string {
  return `token:${tokenId}`;
}

/** The only place that emits to screens. Called after a change has committed. */
export class Broadcaster implements TokenSockets {
  constructor(private readonly io: BoardServer) {}

  indicatorUpdated(termId: number, update: IndicatorUpdate): void {
    this.io.to(boardRoom(termId)).emit('indicator:updated', update);
  }

  /** A fresh board for every screen of the term: for changes an update cannot carry. */
  snapshot(termId: number, board: Board): void {
    this.io.to(boardRoom(termId)).emit('board:snapshot', board);
  }

  /** The current term changed: its screens now follow the new one's board. */
  moveBoard(fromTermId: number, toTermId: number): void {
    this.io.in(boardRoom(fromTermId)).socketsJoin(boardRoom(toTermId));
    this.io.in(boardRoom(fromTermId)).socketsLeave(boardRoom(fromTermId));
  }

  /** Consecutive changes of one commit (an import), in seq order, as one message. */
  indicatorsUpdated(termId: number, changes: IndicatorUpdate[]): void {
    this.io.to(boardRoom(termId)).emit('indicators:updated', { changes });
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
}
