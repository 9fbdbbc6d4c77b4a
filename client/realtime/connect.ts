import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/realtime/events';
import { BoardStore } from './board-store';

export type BoardSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** How long a resync may go unanswered before it is asked again. */
const RESYNC_RETRY_MS = 5000;

/**
 * Feeds a store from a socket: snapshots on every (re)connect, updates single or coalesced,
 * resyncs on gaps, connection state for the banner. Socket.IO reconnects by itself after a
 * server restart; the server's snapshot on connect brings the screen back without a reload.
 */
export function connectBoardStore(socket: BoardSocket, now: () => number = Date.now): { store: BoardStore; stop(): void } {
  let retry: ReturnType<typeof setTimeout> | undefined;
  const store = new BoardStore((since) => {
    socket.emit('board:resync', { since });
    clearTimeout(retry);
    retry = setTimeout(() => {
      const board = store.current.board;
      if (board && socket.connected) socket.emit('board:resync', { since: board.seq });
    }, RESYNC_RETRY_MS);
  }, now);

  socket.on('board:snapshot', (board) => {
    clearTimeout(retry);
    store.applySnapshot(board);
  });
  socket.on('indicator:updated', (delta) => store.applyDelta(delta));
  socket.on('indicators:updated', (batch) => {
    clearTimeout(retry);
    store.applyBatch(batch);
  });
  socket.on('connect', () => store.setConnection('live'));
  socket.on('disconnect', () => store.setConnection('offline'));
  socket.on('connect_error', () => store.setConnection('offline'));
  socket.io.on('reconnect_attempt', () => {
    if (store.current.connection !== 'offline') store.setConnection('offline');
  });
  if (socket.connected) store.setConnection('live');

  return {
    store,
    stop() {
      clearTimeout(retry);
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
