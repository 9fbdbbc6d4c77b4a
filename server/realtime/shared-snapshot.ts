import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';
import type { Board } from '../../shared/api/board';
import { dateInZone } from '../../shared/time/dates';
import type { BoardService } from '../board/board.service';
import type { Clock } from '../clock';

/**
 * Snapshots serialised once per seq and shared by every socket that needs one (a connect, a
 * resync, a thousand screens reconnecting after a restart). Socket.IO serialises each emit to
 * one socket by itself; `snapshotParser` is its parser with an encoder that sends a shared
 * board's prepared JSON instead, its `asOf` set to the moment of sending (screens take the
 * server's clock from it, and a GET at that moment would say the same: same seq, same day).
 */
const prepared = new WeakMap<Board, { head: string; tail: string }>();

/** Serialises `board` once for every later send of it; returns it. */
export function shareSnapshot(board: Board): Board {
  if (prepared.has(board)) return board;
  const json = JSON.stringify(board);
  // A key in JSON is preceded by `,"`, which an escaped string value cannot contain.
  const field = `,"asOf":${JSON.stringify(board.asOf)}`;
  const at = json.indexOf(field);
  if (at >= 0) prepared.set(board, { head: json.slice(0, at), tail: json.slice(at + field.length) });
  return board;
}

/** Socket.IO's parser, sending shared snapshots from their prepared JSON (the Server's `parser` option). */
export function snapshotParser(clock: Clock) {
  class SnapshotEncoder extends Encoder {
    override encode(packet: Packet): ReturnType<Encoder['encode']> {
      const data: unknown = packet.data;
      if (packet.type === PacketType.EVENT && packet.id === undefined && packet.nsp === '/' && Array.isArray(data) && data.length === 2 && data[0] === 'board:snapshot') {
        const shared = prepared.get(data[1] as Board);
        if (shared) return [`${PacketType.EVENT}["board:snapshot",${shared.head},"asOf":"${new Date(clock.now()).toISOString()}"${shared.tail}]`];
      }
      return super.encode(packet);
    }
  }
  return { Encoder: SnapshotEncoder, Decoder };
}

/** The current term's board, computed and serialised once per seq and day. */
export class SharedSnapshots {
  private latest: { termId: number; seq: number; date: string; board: Promise<Board> } | undefined;

  constructor(
    private readonly boards: BoardService,
    private readonly clock: Clock,
  ) {}

  async current(): Promise<Board> {
    const term = await this.boards.currentTerm();
    const date = dateInZone(this.clock.now(), this.boards.timeZone);
    const latest = this.latest;
    if (latest && latest.termId === term.id && latest.seq >= term.lastSeq && latest.date === date) return latest.board;
    const entry = { termId: term.id, seq: term.lastSeq, date, board: this.boards.board().then(shareSnapshot) };
    this.latest = entry;
    try {
      // The board may include changes committed after the term was read: it stands for its own seq.
      entry.seq = (await entry.board).seq;
    } catch (error) {
      if (this.latest === entry) this.latest = undefined;
      throw error;
    }
    return entry.board;
  }
}
