import type { Board } from '../../shared/api/board';
import type { IndicatorUpdate } from '../../shared/realtime/events';
import type { BoardService } from '../board/board.service';
import type { ChangePublisher, CommittedChanges } from './write-pipeline';

/** What the publisher needs of the broadcaster (server/realtime/broadcaster.ts). */
export interface BoardChangesSink {
  changesCommitted(termId: number, updates: readonly IndicatorUpdate[]): void;
  snapshot(termId: number, board: Board): void;
  moveBoard(fromTermId: number, toTermId: number): void;
}

/**
 * Sends what a committed unit of work recorded, and nothing else: a batch's changes in one call
 * (the broadcaster decides how screens get them), a fresh board when a change was board-wide.
 * A failure here is logged, never the writer's: the change is committed and screens that missed
 * it catch up from the change log.
 */
export class BoardChangesPublisher implements ChangePublisher {
  constructor(
    private readonly broadcaster: BoardChangesSink,
    private readonly boards: BoardService,
    private readonly onError: (error: unknown) => void,
  ) {}

  async publish(committed: CommittedChanges): Promise<void> {
    try {
      for (const { from, to } of committed.moves) this.broadcaster.moveBoard(from, to);
      for (const [termId, updates] of committed.updates) {
        // A snapshot carries these changes too.
        if (!committed.boardsChanged.has(termId)) this.broadcaster.changesCommitted(termId, updates);
      }
      if (committed.boardsChanged.size === 0) return;
      // Screens show the current term's board: others have no screen to tell.
      const current = await this.boards.currentTerm().catch(() => undefined);
      if (current && committed.boardsChanged.has(current.id)) this.broadcaster.snapshot(current.id, await this.boards.board());
    } catch (error) {
      this.onError(error);
    }
  }
}
