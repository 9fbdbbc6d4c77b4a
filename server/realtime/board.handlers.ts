import type { FastifyInstance } from 'fastify';
import { resyncRequestSchema, type Ack, type ResyncAnswer } from '../../shared/realtime/events';
import { SESSION_COOKIE, type AuthService } from '../auth/auth.service';
import type { Principal } from '../auth/principal';
import { AppError } from '../http/errors';
import type { DisplaysService } from '../displays/displays.service';
import type { BoardFeedService } from './board-feed.service';
import type { SocketGovernance } from './socket-governance';
import { tokenRoom, type BoardServer } from './broadcaster';

/**
 * Screens and workspaces connect with the session cookie or `auth.token` (display or API token).
 * Each joins its board's room (and its token's, so that revoking the token cuts it off) and gets
 * a snapshot; `board:resync {since}` answers with the missed changes or a fresh snapshot
 * (board-feed.service.ts).
 */
export function attachBoardSockets(
  io: BoardServer,
  http: FastifyInstance,
  auth: AuthService,
  feed: BoardFeedService,
  displays: DisplaysService,
  governance: SocketGovernance,
): void {
  io.use((socket, next) => {
    if (!governance.handshakeAllowed(socket)) return next(new Error('forbidden'));
    const token: unknown = socket.handshake.auth?.token;
    const cookies = http.parseCookie(socket.handshake.headers.cookie ?? '');
    auth
      .authenticate({
        bearerToken: typeof token === 'string' && token.length > 0 ? token : undefined,
        sessionToken: cookies[SESSION_COOKIE],
      })
      .then((principal) => {
        if (!principal) return next(new Error('unauthorized'));
        socket.data.principal = principal;
        next();
      })
      .catch((error: unknown) => {
        http.log.error({ err: error }, 'socket authentication failed');
        next(new Error('unavailable'));
      });
  });

  io.on('connection', (socket) => {
    const principal: Principal = socket.data.principal;
    governance.connected(socket).catch((error: unknown) => http.log.error({ err: error }, 'socket governance failed'));
    if (principal.kind !== 'user') void socket.join(tokenRoom(principal.tokenId));
    if (principal.kind === 'display') {
      displays
        .connected(principal.tokenId)
        .then((settings) => settings && socket.emit('display:settings', settings))
        .catch((error: unknown) => http.log.error({ err: error }, 'display presence failed'));
      socket.on('disconnect', () => {
        displays.disconnected(principal.tokenId).catch((error: unknown) => http.log.error({ err: error }, 'display presence failed'));
      });
    }

    const sendSnapshot = async () => {
      try {
        await feed.welcome(socket);
      } catch (error) {
        if (!(error instanceof AppError)) http.log.error({ err: error }, 'board snapshot failed');
      }
    };
    void sendSnapshot();

    // Governed (one in flight, a rate: socket-governance.ts) once the request is valid.
    const catchUp = governance.resyncGate(async (since: unknown, ack: unknown) => {
      const answer = ack as ((answer: Ack<ResyncAnswer>) => void) | undefined;
      try {
        const kind = await feed.catchUp(socket, since as number);
        answer?.({ ok: true, data: { kind } });
      } catch (error) {
        if (!(error instanceof AppError)) http.log.error({ err: error }, 'resync failed');
        answer?.({ ok: false, error: { code: error instanceof AppError ? error.code : 'internal', message: 'resync failed' } });
      }
    });
    socket.on('board:resync', async (...args: unknown[]) => {
      // Typed by the contract, but a client may send anything: take the arguments as unknown.
      const ack = typeof args.at(-1) === 'function' ? (args.at(-1) as (answer: Ack<ResyncAnswer>) => void) : undefined;
      const request = resyncRequestSchema.safeParse(args[0]);
      if (!request.success) {
        ack?.({ ok: false, error: { code: 'validation_failed', message: 'expected {"since": <seq>}' } });
        return;
      }
      await catchUp(request.data.since, ack);
    });
  });
}
