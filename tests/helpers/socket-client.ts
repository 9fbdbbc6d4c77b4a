import { io } from 'socket.io-client';
import type { Board } from '../../shared/api/board';
import type { DeltaBatch, IndicatorDelta } from '../../shared/realtime/delta';
import type { BoardSocket } from '../../client/realtime/connect';

export interface ClientOptions {
  token?: string;
  cookie?: string;
  /** Keep Socket.IO's own reconnection (on by default). */
  reconnection?: boolean;
}

/** A real socket.io-client, websocket transport, not connected until `connect()`. */
export function boardSocket(url: string, options: ClientOptions = {}): BoardSocket {
  return io(url, {
    autoConnect: false,
    transports: ['websocket'],
    forceNew: true,
    reconnection: options.reconnection ?? true,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    auth: options.token ? { token: options.token } : {},
    extraHeaders: options.cookie ? { cookie: options.cookie } : {},
  }) as BoardSocket;
}

/** Connects and resolves with the first snapshot; rejects with the connect error's message. */
export function connectForSnapshot(socket: BoardSocket, timeoutMs = 10_000): Promise<Board> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no snapshot in time')), timeoutMs);
    socket.once('board:snapshot', (board) => {
      clearTimeout(timer);
      resolve(board);
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.connect();
  });
}

/** Collects every delta a socket receives, single or coalesced, in arrival order. */
export function collectUpdates(socket: BoardSocket): IndicatorDelta[] {
  const updates: IndicatorDelta[] = [];
  socket.on('indicator:updated', (update) => updates.push(update));
  socket.on('indicators:updated', ({ changes }) => updates.push(...changes));
  return updates;
}

/** Every message a socket receives as a batch (a single delta covers its own seq), in arrival order. */
export function collectBatches(socket: BoardSocket): DeltaBatch[] {
  const batches: DeltaBatch[] = [];
  socket.on('indicator:updated', (delta) => batches.push({ since: delta.seq - 1, changes: [delta] }));
  socket.on('indicators:updated', (batch) => batches.push(batch));
  return batches;
}

/**
 * The seqs covered by the messages a socket receives, in arrival order: a delta covers its own,
 * a batch every seq from its `since` to its last change (coalesced changes name each indicator once).
 */
export function collectCoverage(socket: BoardSocket): number[] {
  const covered: number[] = [];
  socket.on('indicator:updated', (delta) => covered.push(delta.seq));
  socket.on('indicators:updated', ({ since, changes }) => {
    for (let seq = since + 1; seq <= (changes.at(-1)?.seq ?? since); seq++) covered.push(seq);
  });
  return covered;
}

/** Polls `check` until it returns true, or fails after `timeoutMs` with `what`. */
export async function eventually(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}
