import type { Server } from 'socket.io';
import type { ClientToServerEvents, IndicatorUpdate, InterServerEvents, ServerToClientEvents } from '../../shared/realtime/events';
import { BOARD_ROOM_PREFIX } from '../../shared/realtime/events';
import type { SocketData } from './socket-data';

export type BoardServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** The only place that emits to screens. Called after a change has committed. */
export class Broadcaster {
  constructor(private readonly io: BoardServer) {}

  indicatorUpdated(termId: number, update: IndicatorUpdate): void {
    this.io.to(boardRoom(termId)).emit('indicator:updated', update);
  }
}

export function boardRoom(termId: number): string {
  return `${BOARD_ROOM_PREFIX}${termId}`;
}
