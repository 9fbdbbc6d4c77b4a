import type { FastifyInstance } from 'fastify';
import { resyncRequestSchema, type Ack, type ResyncAnswer } from '../../shared/realtime/events';
import { SESSION_COOKIE, type AuthService } from '../auth/auth.service';
import type { Principal } from '../auth/principal';
import { AppError } from '../http/errors';
import type { DisplaysService } from '../displays/displays.service';
import type { BoardFeedService } from './board-feed.service';
import { boardRoom, tokenRoom, type BoardServer } from './broadcaster';

/**
 * Screens and workspaces connect with the session cookie or `auth.token` (display or API token).
 * Each joins its board's room (and its token's, so that revoking the token cuts it off) and gets
 * a snapshot; `board:resync {since}` answers with the missed changes or a fresh snapshot.
 */
export function attachBoardSockets(
  io: BoardServer,
  http: FastifyInstance,
  auth: AuthService,
  feed: BoardFeedService,
  displays: DisplaysService,
): void {
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
    const principal: Principal = socket.data.principal;
    if (principal.kind !== 'user') void socket.join(tokenRoom(principal.tokenId));
    if (principal.kind === 'display') {
      const settings = displays.connected(principal.tokenId);
      if (settings) socket.emit('display:settings', settings);
      socket.on('disconnect', () => displays.disconnected(principal.tokenId));
    }

    const sendSnapshot = () => {
      try {
        const board = feed.snapshot();
        // Joined in the same tick as the snapshot is computed: no change can fall between the two.
        void socket.join(boardRoom(board.term.id));
        socket.emit('board:snapshot', board);
      } catch (error) {
        if (!(error instanceof AppError)) http.log.error({ err: error }, 'board snapshot failed');
      }
    };
    sendSnapshot();

    socket.on('board:resync', (...args: unknown[]) => {
      // Typed by the contract, but a client may send anything: take the arguments as unknown.
      const ack = typeof args.at(-1) === 'function' ? (args.at(-1) as (answer: Ack<ResyncAnswer>) => void) : undefined;
      const request = resyncRequestSchema.safeParse(args[0]);
      if (!request.success) {
        ack?.({ ok: false, error: { code: 'validation_failed', message: 'expected {"since": <seq>}' } });
        return;
      }
      try {
        const catchUp = feed.catchUp(request.data.since);
        if (catchUp.kind === 'replay') socket.emit('indicators:updated', { changes: catchUp.changes });
        if (catchUp.kind === 'snapshot') sendSnapshot();
        ack?.({ ok: true, data: { kind: catchUp.kind } });
      } catch (error) {
        if (!(error instanceof AppError)) http.log.error({ err: error }, 'resync failed');
        ack?.({ ok: false, error: { code: error instanceof AppError ? error.code : 'internal', message: 'resync failed' } });
      }
    });
  });
}
