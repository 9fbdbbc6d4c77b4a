import type { FastifyInstance } from 'fastify';
import { resyncRequestSchema } from '../../shared/realtime/events';
import { SESSION_COOKIE, type AuthService } from '../auth/auth.service';
import type { BoardService } from '../board/board.service';
import { boardRoom, type BoardServer } from './broadcaster';

/**
 * Screens and workspaces connect with the session cookie or `auth.token` (display or API token).
 * Each joins its board's room and gets a snapshot; `board:resync` answers with a fresh one.
 */
export function attachBoardSockets(io: BoardServer, http: FastifyInstance, auth: AuthService, boards: BoardService): void {
  io.use((socket, next) => {
    const token: unknown = socket.handshake.auth?.token;
    const cookies = http.parseCookie(socket.handshake.headers.cookie ?? '');
    const principal = auth.authenticate({
      bearerToken: typeof token === 'string' && token.length > 0 ? token : undefined,
      sessionToken: cookies[SESSION_COOKIE],
    });
    if (!principal) return next(new Error('unauthorized'));
    socket.data.principal = principal;
    next();
  });

  io.on('connection', (socket) => {
    const sendSnapshot = () => {
      try {
        const board = boards.board();
        void socket.join(boardRoom(board.term.id));
        socket.emit('board:snapshot', board);
      } catch (error) {
        socket.data.principal && http.log.warn({ err: error }, 'no board to send');
      }
    };
    sendSnapshot();
    socket.on('board:resync', (request: unknown) => {
      if (!resyncRequestSchema.safeParse(request).success) return;
      sendSnapshot();
    });
  });
}
