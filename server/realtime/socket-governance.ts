import type { Socket } from 'socket.io';
import { SESSION_COOKIE, type AuthService } from '../auth/auth.service';
import type { SessionEnd, SessionEnds } from '../auth/session-ends';
import { hashSecret } from '../auth/tokens';
import type { Clock } from '../clock';
import type { BoardServer } from './broadcaster';

/**
 * What one socket may cost. Resyncs: one in flight, and a bucket of `burst` refilled at
 * `perSecond` (a screen resyncs once per gap it sees; a flood is refused, not queued). Backlog:
 * bytes queued for a client that does not read them (a large board is over a megabyte a
 * snapshot); past it the socket is cut, and a real screen reconnects to a fresh snapshot. Events
 * of any name: a bucket of `eventBurst` refilled at `eventsPerSecond`; a socket past it is cut, so
 * that the rest of a flood already on the wire costs nothing (a screen sends a few an hour).
 */
export const SOCKET_LIMITS = { resyncBurst: 10, resyncPerSecond: 1, backlogBytes: 16 * 1024 * 1024, eventBurst: 200, eventsPerSecond: 20 };
/** How often this node re-checks the deadlines (expiry, idle time) of its cookie sessions' sockets. */
const SESSION_SWEEP_MS = 250;

type AckFn = (answer: { ok: false; error: { code: string; message: string } }) => void;

export function sessionRoom(sessionId: string): string {
  return `session:${sessionId}`;
}

export function userRoom(userId: number): string {
  return `user:${userId}`;
}

interface CookieSocket {
  socket: Socket;
  sessionToken: string;
  /** When the session expires or goes idle, as this node last read it. */
  deadline: number;
}

/**
 * The rules a socket lives by, apart from what it is sent (the broadcaster's): the Origin of a
 * cookie handshake, the resync rate, the send backlog, and the life of the session it was opened
 * with. Sockets of a cookie session sit in a room of that session and of its user, and are
 * disconnected through the adapter (so on every node) when the session ends; expiry and idle
 * time, which no request announces, are swept on each node.
 */
export class SocketGovernance {
  private readonly cookieSockets = new Map<string, CookieSocket>();
  private readonly sweeper: ReturnType<typeof setInterval>;
  private sweeping = false;

  constructor(
    private readonly io: BoardServer,
    private readonly auth: AuthService,
    private readonly clock: Clock,
    private readonly options: {
      parseCookie: (header: string) => Record<string, string | undefined>;
      /** PUBLIC_URL: its host is the other Origin a cookie handshake may come from. */
      publicUrl?: string | undefined;
      log: { error(obj: object, msg: string): void };
    },
    sessionEnds: SessionEnds,
  ) {
    sessionEnds.subscribe((end) => this.endSessions(end));
    this.sweeper = setInterval(() => void this.sweep(), SESSION_SWEEP_MS);
    this.sweeper.unref();
  }

  /**
   * Refuses a cookie handshake from another site (a page elsewhere cannot ride a user's session
   * to read the board). No Origin: not a browser, or a same-origin long-polling request.
   * Tokens are not cookies: a page elsewhere cannot make a browser send one.
   */
  handshakeAllowed(socket: Socket): boolean {
    const origin = socket.handshake.headers.origin;
    if (origin === undefined || !this.sessionToken(socket)) return true;
    if (typeof socket.handshake.auth?.token === 'string' && socket.handshake.auth.token.length > 0) return true;
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return false;
    }
    return host === socket.handshake.headers.host || (this.options.publicUrl !== undefined && host === new URL(this.options.publicUrl).host);
  }

  /** Call on connection, once the socket is authenticated: puts a cookie session's socket in its rooms, and bounds its backlog. */
  async connected(socket: Socket): Promise<void> {
    this.boundBacklog(socket);
    this.boundEvents(socket);
    const principal = socket.data.principal as { kind: string; userId?: number };
    const sessionToken = this.sessionToken(socket);
    const bearer = socket.handshake.auth?.token;
    if (principal.kind !== 'user' || !sessionToken || (typeof bearer === 'string' && bearer.length > 0)) return;
    const deadline = await this.auth.sessionDeadline(sessionToken);
    if (deadline === null || !socket.connected) {
      socket.disconnect(true);
      return;
    }
    await socket.join([sessionRoom(hashSecret(sessionToken)), userRoom(principal.userId!)]);
    this.cookieSockets.set(socket.id, { socket, sessionToken, deadline });
    socket.once('disconnect', () => this.cookieSockets.delete(socket.id));
  }

  /** The `board:resync` handler of one socket, governed (resyncGate). */
  resyncGate(handler: (...args: unknown[]) => Promise<void>): (...args: unknown[]) => Promise<void> {
    return resyncGate(handler);
  }

  close(): void {
    clearInterval(this.sweeper);
  }

  /** Disconnects, on every node, the sockets of the sessions that ended. */
  private endSessions(end: SessionEnd): void {
    const room = 'sessionId' in end ? sessionRoom(end.sessionId) : userRoom(end.userId);
    this.io.in(room).disconnectSockets(true);
  }

  private sessionToken(socket: Socket): string | undefined {
    return this.options.parseCookie(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE] || undefined;
  }

  /**
   * Counts the bytes queued for the client (engine.io's write buffer, then the WebSocket's own)
   * at each packet, and cuts the socket past the limit: a client that never reads must not hold
   * the server's memory.
   */
  private boundBacklog(socket: Socket): void {
    const connection = socket.conn as unknown as Connection;
    let queued = 0;
    let cut = false;
    connection.on('packetCreate', (packet: { data?: unknown }) => {
      queued += sizeOf(packet.data);
      if (cut || queued + (connection.transport.socket?.bufferedAmount ?? 0) <= SOCKET_LIMITS.backlogBytes) return;
      cut = true;
      // Not while the broadcast that made the packet is still going through its room. A graceful
      // close would wait for the backlog to drain: the WebSocket is ended at once instead.
      setImmediate(() => terminate(connection));
    });
    // Handed to the transport: from then on the WebSocket's bufferedAmount counts them.
    connection.on('flush', () => (queued = 0));
  }

  /** Cuts a socket that sends events past its bucket, before anything parses them. */
  private boundEvents(socket: Socket): void {
    const allowed = tokenBucket(SOCKET_LIMITS.eventBurst, SOCKET_LIMITS.eventsPerSecond, Date.now);
    let cutting = false;
    socket.use((_event, next) => {
      if (allowed()) return next();
      if (cutting) return;
      cutting = true;
      // Ended at once: a graceful close would still read and decode the rest of the flood.
      setImmediate(() => terminate(socket.conn as unknown as Connection));
    });
  }

  /** Re-checks the cookie sockets whose session's deadline has passed; those no longer valid are cut. */
  private async sweep(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      const now = this.clock.now();
      for (const entry of this.cookieSockets.values()) {
        if (now < entry.deadline) continue;
        const principal = await this.auth.authenticate({ sessionToken: entry.sessionToken });
        const deadline = principal ? await this.auth.sessionDeadline(entry.sessionToken) : null;
        if (deadline === null) entry.socket.disconnect(true);
        else entry.deadline = deadline;
      }
    } catch (error) {
      this.options.log.error({ err: error }, 'checking the sessions of sockets failed');
    } finally {
      this.sweeping = false;
    }
  }
}

/** What the governance reads of engine.io's connection under a socket (not in its public types). */
interface Connection {
  writeBuffer: Array<{ data?: unknown }>;
  transport: { socket?: { bufferedAmount?: number; terminate?: () => void } };
  on(event: string, listener: (...args: any[]) => void): void;
  close(discard?: boolean): void;
}

/** Ends a connection now: its WebSocket destroyed (unread input and unsent output dropped), or its polling transport discarded. */
function terminate(connection: Connection): void {
  const webSocket = connection.transport.socket;
  if (webSocket?.terminate) webSocket.terminate();
  else connection.close(true);
}

function sizeOf(data: unknown): number {
  if (typeof data === 'string') return data.length;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  return 0;
}

/**
 * Wraps one socket's `board:resync` handler: a resync while the last one is still being answered,
 * or past the socket's rate (a bucket of `resyncBurst`, refilled at `resyncPerSecond`), is answered
 * `rate_limited` at once and costs nothing more. `now` is the clock of the rate (tests).
 */
export function resyncGate(handler: (...args: unknown[]) => Promise<void>, now: () => number = Date.now): (...args: unknown[]) => Promise<void> {
  let inFlight = false;
  const allowed = tokenBucket(SOCKET_LIMITS.resyncBurst, SOCKET_LIMITS.resyncPerSecond, now);
  return async (...args: unknown[]) => {
    if (inFlight || !allowed()) {
      const ack = args.at(-1);
      if (typeof ack === 'function') {
        (ack as AckFn)({ ok: false, error: { code: 'rate_limited', message: inFlight ? 'a resync is already being answered' : 'too many resyncs: wait a second' } });
      }
      return;
    }
    inFlight = true;
    try {
      await handler(...args);
    } finally {
      inFlight = false;
    }
  };
}

/** A bucket of `burst` refilled at `perSecond`: each call takes one, and says whether there was one. */
function tokenBucket(burst: number, perSecond: number, now: () => number): () => boolean {
  let tokens = burst;
  let refilledAt = now();
  return () => {
    const at = now();
    tokens = Math.min(burst, tokens + ((at - refilledAt) / 1000) * perSecond);
    refilledAt = at;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}
