import { useCallback, useEffect, useState } from 'react';
import type { Board } from '../../shared/api/board';
import { connectBoardStore } from '../realtime/connect';
import type { ConnectionState } from '../realtime/board-store';
import { openBoardSocket } from '../socket';

export type BoardState =
  | { kind: 'loading' }
  | { kind: 'ready'; board: Board; connection: ConnectionState; offlineSince: number | null; lastChanged: string[] }
  /** No session, or a display token that is unknown or revoked. */
  | { kind: 'unauthenticated' };

export interface UseBoard {
  state: BoardState;
  /** Connects again from scratch. */
  reload: () => void;
}

/**
 * The live board of the current term: a snapshot on every (re)connect, then updates in seq order
 * (client/realtime). The one place that owns board data; pages stay unaware of the socket.
 */
export function useBoard(token: string | null): UseBoard {
  const [state, setState] = useState<BoardState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // Another token or a reload connects from scratch: nothing of the last connection is shown meanwhile.
  const [connecting, setConnecting] = useState({ token, attempt });
  if (connecting.token !== token || connecting.attempt !== attempt) {
    setConnecting({ token, attempt });
    setState({ kind: 'loading' });
  }

  useEffect(() => {
    const socket = openBoardSocket(token);
    const { store, stop } = connectBoardStore(socket);
    socket.on('connect_error', (error) => {
      // Refused by the server (not a network failure): Socket.IO does not retry these.
      if (error.message === 'unauthorized') setState({ kind: 'unauthenticated' });
    });
    socket.on('disconnect', (reason) => {
      // The server cut this socket off (a revoked screen): ask again, to learn whether it still may.
      if (reason === 'io server disconnect') socket.connect();
    });
    const unsubscribe = store.subscribe(({ board, connection, offlineSince, lastChanged }) => {
      if (board) setState({ kind: 'ready', board, connection, offlineSince, lastChanged });
    });
    return () => {
      unsubscribe();
      stop();
    };
  }, [token, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
