import type { Board } from '../../shared/api/board';
import type { IndicatorUpdate } from '../../shared/realtime/events';

export type ConnectionState = 'connecting' | 'live' | 'offline';

export interface BoardStoreState {
  board: Board | null;
  connection: ConnectionState;
  /** When the connection was lost (epoch ms), while offline. */
  offlineSince: number | null;
  /** When the board last changed (a snapshot or an update applied), epoch ms. */
  lastChangeAt: number | null;
  /** Codes of the indicators changed by the last live update, for a brief highlight. */
  lastChanged: string[];
}

/**
 * The board as a screen holds it: snapshots replace it, updates apply strictly in seq order.
 * An update past a gap is held back and a resync is asked for; duplicates and stale updates are
 * ignored. Pure: the socket wiring is in `connectBoardStore`, the clock is a parameter.
 */
export class BoardStore {
  private state: BoardStoreState = { board: null, connection: 'connecting', offlineSince: null, lastChangeAt: null, lastChanged: [] };
  private readonly pending = new Map<number, IndicatorUpdate>();
  private readonly listeners = new Set<(state: BoardStoreState) => void>();
  private resyncAskedFor: number | null = null;

  constructor(
    private readonly requestResync: (since: number) => void,
    private readonly now: () => number = Date.now,
  ) {}

  get current(): BoardStoreState {
    return this.state;
  }

  subscribe(listener: (state: BoardStoreState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  applySnapshot(board: Board): void {
    this.resyncAskedFor = null;
    this.set({ board, lastChangeAt: this.now(), lastChanged: [] });
    this.drain([]);
  }

  applyUpdates(updates: readonly IndicatorUpdate[]): void {
    for (const update of updates) {
      if (!this.state.board || update.seq > this.state.board.seq) this.pending.set(update.seq, update);
    }
    this.drain([]);
  }

  setConnection(connection: ConnectionState): void {
    if (connection === this.state.connection) return;
    const offlineSince = connection === 'offline' ? (this.state.offlineSince ?? this.now()) : connection === 'live' ? null : this.state.offlineSince;
    this.set({ connection, offlineSince });
  }

  /** Applies held updates that now follow on; asks for a resync when a gap remains. */
  private drain(changed: string[]): void {
    const board = this.state.board;
    if (!board) return;
    let next = board;
    for (let update = this.pending.get(next.seq + 1); update; update = this.pending.get(next.seq + 1)) {
      this.pending.delete(update.seq);
      next = withIndicator(next, update);
      changed.push(update.indicator.code);
    }
    for (const seq of this.pending.keys()) if (seq <= next.seq) this.pending.delete(seq);
    if (next !== board) this.set({ board: next, lastChangeAt: this.now(), lastChanged: changed });
    if (this.pending.size > 0 && this.resyncAskedFor !== next.seq) {
      this.resyncAskedFor = next.seq;
      this.requestResync(next.seq);
    }
  }

  private set(patch: Partial<BoardStoreState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }
}

function withIndicator(board: Board, update: IndicatorUpdate): Board {
  const exists = board.indicators.some((indicator) => indicator.id === update.indicator.id);
  const indicators = exists
    ? board.indicators.map((indicator) => (indicator.id === update.indicator.id ? update.indicator : indicator))
    : [...board.indicators, update.indicator];
  return { ...board, seq: update.seq, indicators };
}
