/**
 * Screens for bench/screens.ts, in a process of their own so that the client's work is not
 * counted as the server's: N Socket.IO clients (WebSocket) driven over IPC by the bench. Each
 * records when it first had each seq (a delta covers its own, a batch every seq from its `since`
 * to its last change, the bare server's message its `seq`) and the bytes of JSON it received,
 * read off the packet as it arrived: serialising every parsed message again to measure it cost
 * this process a sixth of its CPU, taken from the server on the same two cores.
 * Times are `performance.timeOrigin + performance.now()`: one clock for every process here.
 */
import { io, type Socket } from 'socket.io-client';

export type ClientCommand =
  | { type: 'connect'; url: string; token?: string; count: number }
  | { type: 'await'; seq: number; timeoutMs: number }
  | { type: 'stats' }
  | { type: 'close' };

export type ClientReport =
  | { type: 'connected' }
  | { type: 'reached'; seq: number; times: number[] }
  | { type: 'timeout'; seq: number; behind: number }
  | { type: 'stats'; bytes: number; messages: number; singleSizes: number[] };

interface Screen {
  socket: Socket;
  /** Highest seq covered without a gap. */
  upTo: number;
  /** [upTo, when] each time upTo grew, oldest first (pruned once a wait is answered). */
  marks: Array<[number, number]>;
}

/** When the screen first had `seq`. */
function reachedAt(screen: Screen, seq: number): number {
  return screen.marks.find(([upTo]) => upTo >= seq)?.[1] ?? Number.NaN;
}

const now = () => performance.timeOrigin + performance.now();
const screens: Screen[] = [];
let bytes = 0;
let messages = 0;
const singleSizes: number[] = [];
let waiting: { seq: number; timer: ReturnType<typeof setTimeout> } | undefined;

function send(report: ClientReport): void {
  process.send!(report);
}

function cover(screen: Screen, since: number, last: number): void {
  if (since > screen.upTo) return; // a gap: the real store would resync; the bench counts it as not reached
  if (last <= screen.upTo) return;
  screen.upTo = last;
  screen.marks.push([last, now()]);
  if (waiting && screens.every((s) => s.upTo >= waiting!.seq)) answerWait();
}

function answerWait(): void {
  const { seq, timer } = waiting!;
  clearTimeout(timer);
  waiting = undefined;
  send({ type: 'reached', seq, times: screens.map((screen) => reachedAt(screen, seq)) });
  for (const screen of screens) screen.marks = screen.marks.filter(([upTo]) => upTo >= seq);
}

/**
 * An event's packet as Socket.IO writes it on the default namespace: `2["<event>",<payload's JSON>]`.
 * The bytes of the payload's JSON are the packet's less this prefix and the closing bracket.
 */
const DELTA = '2["indicator:updated",';
const BATCH = '2["indicators:updated",';

/** Counts the bytes of the deltas and batches a screen receives, from the raw packets. */
function countBytes(data: unknown): void {
  if (typeof data !== 'string') return;
  const prefix = data.startsWith(DELTA) ? DELTA : data.startsWith(BATCH) ? BATCH : undefined;
  if (!prefix) return;
  const length = Buffer.byteLength(data) - prefix.length - 1;
  bytes += length;
  messages++;
  if (prefix === DELTA) singleSizes.push(length);
}

function open(url: string, token: string | undefined): Promise<Screen> {
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: token ? { token } : {} });
  const screen: Screen = { socket, upTo: 0, marks: [] };
  // The manager opens its engine before any event can arrive.
  socket.io.on('open', () => socket.io.engine.on('data', countBytes));
  socket.on('board:snapshot', (board: { seq: number }) => {
    screen.upTo = Math.max(screen.upTo, board.seq);
  });
  socket.on('indicator:updated', (delta: { seq: number }) => cover(screen, delta.seq - 1, delta.seq));
  socket.on('indicators:updated', (batch: { since: number; changes: Array<{ seq: number }> }) => {
    cover(screen, batch.since, batch.changes.at(-1)?.seq ?? batch.since);
  });
  return new Promise((resolve, reject) => {
    // The bare server sends no snapshot: connected is ready.
    if (token) socket.once('board:snapshot', () => resolve(screen));
    else socket.once('connect', () => resolve(screen));
    socket.once('connect_error', reject);
  });
}

process.on('message', async (command: ClientCommand) => {
  if (command.type === 'connect') {
    // In batches: a thousand handshakes at once would measure the accept queue, not the board.
    for (let start = 0; start < command.count; start += 100) {
      screens.push(...(await Promise.all(Array.from({ length: Math.min(100, command.count - start) }, () => open(command.url, command.token)))));
    }
    send({ type: 'connected' });
  } else if (command.type === 'await') {
    waiting = {
      seq: command.seq,
      timer: setTimeout(() => {
        waiting = undefined;
        send({ type: 'timeout', seq: command.seq, behind: screens.filter((s) => s.upTo < command.seq).length });
      }, command.timeoutMs),
    };
    if (screens.every((s) => s.upTo >= command.seq)) answerWait();
  } else if (command.type === 'stats') {
    send({ type: 'stats', bytes, messages, singleSizes: singleSizes.splice(0) });
    bytes = 0;
    messages = 0;
  } else {
    for (const screen of screens) screen.socket.disconnect();
    process.exit(0);
  }
});
