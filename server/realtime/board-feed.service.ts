import type { Board, BoardIndicator } from '../../shared/api/board';
import { coalesceDeltas, type DeltaBatch } from '../../shared/realtime/delta';
import type { BoardService } from '../board/board.service';
import type { ReplaySource } from '../changes/change-log.repository';
import { deltasOf } from './screen-delivery';
import type { SharedSnapshots } from './shared-snapshot';

/** Beyond this many missed changes a fresh snapshot is smaller than the replay. */
export const MAX_REPLAY = 500;

export type CatchUp = { kind: 'replay'; batch: DeltaBatch } | { kind: 'snapshot'; board: Board } | { kind: 'current' };

/** What a screen that last saw `since` needs to be current again. */
export class BoardFeedService {
  constructor(
    private readonly boards: BoardService,
    private readonly replay: ReplaySource,
    private readonly snapshots: SharedSnapshots,
  ) {}

  /** The current board, serialised once for every socket that is sent it at this seq. */
  snapshot(): Promise<Board> {
    return this.snapshots.current();
  }

  /**
   * The missed changes as one batch, each indicator once at its latest state. `known` is the
   * board the screen has at `since` (the snapshot just sent), so that the replay can be deltas
   * from it; without it each indicator is sent whole.
   */
  async catchUp(since: number, known?: Board): Promise<CatchUp> {
    const term = await this.boards.currentTerm();
    const missed = term.lastSeq - since;
    if (missed === 0) return { kind: 'current' };
    // A seq from the future belongs to another database or term: start again from a snapshot.
    if (missed < 0 || missed > MAX_REPLAY) return { kind: 'snapshot', board: await this.snapshot() };
    const rows = await this.replay.since(term.id, since, missed);
    const updates = rows.flatMap((row, i) => (row.seq === since + i + 1 && row.update !== null ? [row.update] : []));
    if (updates.length !== missed) return { kind: 'snapshot', board: await this.snapshot() };
    const shown = new Map<number, BoardIndicator>(known?.seq === since ? known.indicators.map((indicator) => [indicator.id, indicator]) : []);
    return { kind: 'replay', batch: { since, changes: coalesceDeltas(deltasOf(updates, shown)) } };
  }
}
