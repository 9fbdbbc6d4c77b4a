import { io } from 'socket.io-client';
import type { BoardSocket } from './realtime/connect';

/**
 * The one typed socket of a page, created once per credentials: the session cookie travels with
 * the same-origin handshake; a screen sends its display token.
 */
export function openBoardSocket(token: string | null): BoardSocket {
  // Retries at most 3 s apart: a screen is back within seconds of the server (default: 5 s).
  return io({ auth: token ? { token } : {}, withCredentials: true, transports: ['websocket', 'polling'], reconnectionDelayMax: 3000 });
}
