import type { BoardService } from '../board/board.service';
import type { BoardServerSocket, ScreenRooms } from './broadcaster';
import type { SharedSnapshots } from './shared-snapshot';

/** Boards read for one socket before it gives up on following on from this node's feed. */
const WELCOME_ATTEMPTS = 3;

/**
 * A socket's board: a snapshot on connect, and the changes it missed when it asks (`board:resync`).
 * Both are measured against what this node has delivered to its screens, not against the
 * database: a change committed but not yet delivered here reaches the socket through its room.
 */
export class BoardFeedService {
  constructor(
    private readonly boards: BoardService,
    private readonly snapshots: SharedSnapshots,
    private readonly rooms: ScreenRooms,
  ) {}

  /** Sends the socket the current board and joins it to the board's room (broadcaster.ts, `welcome`). */
  async welcome(socket: BoardServerSocket): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      // The current board, serialised once for every socket that is sent it at this seq.
      const board = await this.snapshots.current();
      if (this.rooms.welcome(socket, board)) return;
      // Older than what this node keeps of its deliveries: the board is read again, newer.
      if (attempt === WELCOME_ATTEMPTS) throw new Error(`board ${board.seq} is too old to follow on from this node's deliveries`);
    }
  }

  /** Brings a socket that stands at `since` to the current board: the changes it missed, or a fresh snapshot. */
  async catchUp(socket: BoardServerSocket, since: number): Promise<'replay' | 'current' | 'snapshot'> {
    const term = await this.boards.currentTerm();
    switch (this.rooms.catchUp(socket, term.id, since)) {
      case 'replay':
        return 'replay';
      case 'current':
        return 'current';
      case 'ahead':
        // Committed, so on its way to this node's screens; a seq never committed is another database's.
        if (since <= term.lastSeq) return 'current';
        break;
      case 'unknown':
        if (since === term.lastSeq) return 'current';
        break;
      case 'lost':
        break;
    }
    await this.welcome(socket);
    return 'snapshot';
  }
}
