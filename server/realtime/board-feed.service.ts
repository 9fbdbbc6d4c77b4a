import type { Board } from '../../shared/api/board';
import type { IndicatorUpdate } from '../../shared/realtime/events';
import type { BoardService } from '../board/board.service';
import type { ChangeLogRepository } from '../changes/change-log.repository';

/** Beyond this many missed changes a fresh snapshot is smaller than the replay. */
export const MAX_REPLAY = 500;

export type CatchUp = { kind: 'replay'; changes: IndicatorUpdate[] } | { kind: 'snapshot'; board: Board } | { kind: 'current' };

/** What a screen that last saw `since` needs to be current again. */
export class BoardFeedService {
  constructor(
    private readonly boards: BoardService,
    private readonly changeLog: ChangeLogRepository,
  ) {}

  snapshot(): Promise<Board> {
    return this.boards.board();
  }

  async catchUp(since: number): Promise<CatchUp> {
    const term = await this.boards.currentTerm();
    const missed = term.lastSeq - since;
    if (missed === 0) return { kind: 'current' };
    // A seq from the future belongs to another database or term: start again from a snapshot.
    if (missed < 0 || missed > MAX_REPLAY) return { kind: 'snapshot', board: await this.boards.board() };
    const rows = await this.changeLog.since(term.id, since, missed);
    const changes = rows.flatMap((row, i) => (row.seq === since + i + 1 && row.update !== null ? [row.update] : []));
    if (changes.length !== missed) return { kind: 'snapshot', board: await this.boards.board() };
    return { kind: 'replay', changes };
  }
}
