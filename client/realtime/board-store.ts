import type { Board } from '../../shared/api/board';
import { applyBatchToBoard, type DeltaBatch, type IndicatorDelta } from '../../shared/realtime/delta';

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
 * The board as a screen holds it: snapshots replace it, deltas apply strictly in seq order. A
 * single delta covers its own seq; a batch covers every seq from its `since` to its last change
 * (coalesced changes name each indicator once). What lies past a gap is held back and a resync
 * is asked for; duplicates and stale changes are ignored. Pure: the socket wiring is in
 * `connectBoardStore`, the clock is a parameter.
 */
export class BoardStore {
  private state: BoardStoreState = { board: null, connection: 'connecting', offlineSince: null, lastChangeAt: null, lastChanged: [] };
  private pending: DeltaBatch[] = [];
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
    this.drain();
  }

  /** One change (`indicator:updated`): it follows on from the seq before its own. */
  applyDelta(delta: IndicatorDelta): void {
    this.applyBatch({ since: delta.seq - 1, changes: [delta] });
  }

  /** Coalesced or replayed changes (`indicators:updated`). */
  applyBatch(batch: DeltaBatch): void {
    if (batch.changes.length === 0) return;
    this.pending.push(batch);
    this.drain();
  }

  setConnection(connection: ConnectionState): void {
    if (connection === this.state.connection) return;
    const offlineSince = connection === 'offline' ? (this.state.offlineSince ?? this.now()) : connection === 'live' ? null : this.state.offlineSince;
    this.set({ connection, offlineSince });
  }

  /** Applies held batches that now follow on; asks for a resync when a gap remains. */
  private drain(): void {
    const board = this.state.board;
    if (!board) return;
    const changed: string[] = [];
    let next = board;
    for (let progressed = true; progressed; ) {
      progressed = false;
      for (const batch of this.pending) {
        const after = applyBatchToBoard(next, batch);
        if (after === null || after === next) continue;
        for (const delta of batch.changes) if (delta.seq > next.seq) changed.push(delta.indicator.code);
        next = after;
        progressed = true;
      }
      this.pending = this.pending.filter((batch) => (batch.changes.at(-1)?.seq ?? 0) > next.seq);
    }
    if (next !== board) this.set({ board: next, lastChangeAt: this.now(), lastChanged: [...new Set(changed)] });
    if (this.pending.length > 0 && this.resyncAskedFor !== next.seq) {
      this.resyncAskedFor = next.seq;
      this.requestResync(next.seq);
    }
  }

  private set(patch: Partial<BoardStoreState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }
}
