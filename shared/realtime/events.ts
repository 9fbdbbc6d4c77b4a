import { z } from 'zod';
import { DISPLAY_PAGE_KEY } from '../display/pages';
import type { Board, BoardIndicator } from '../api/board';
import type { Reading } from '../api/readings';
import type { DeltaBatch, IndicatorDelta } from './delta';

/**
 * One committed change in full: the indicator's whole state right after it. What the write
 * pipeline produces and the change log keeps; screens receive it as an `IndicatorDelta`.
 */
export interface IndicatorUpdate {
  seq: number;
  indicator: BoardIndicator;
  /** The reading or correction that made the change; null for an indicator, group or term edit. */
  reading: Reading | null;
}

export const resyncRequestSchema = z.strictObject({ since: z.int().min(0) });
export type ResyncRequest = z.infer<typeof resyncRequestSchema>;

/**
 * The pages a screen rotates through: the summary (continued as `summary-2`, ...), then one per
 * group (`group-<id>`), a group with more indicators than fit on one page continuing as
 * `group-<id>-2`, ...
 */
export type DisplayPageKey = 'summary' | `summary-${number}` | `group-${number}` | `group-${number}-${number}`;

/** What an admin can make a screen do from afar. */
export const displayCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('reload') }),
  z.strictObject({ type: z.literal('show-page'), page: z.string().regex(DISPLAY_PAGE_KEY) }),
]);
export type DisplayCommand = z.infer<typeof displayCommandSchema>;

/** A screen's own settings, sent to it on connect and whenever an admin changes them. */
export interface DisplaySettings {
  id: number;
  name: string;
  /** Seconds each page stays before the next. */
  rotateSeconds: number;
}

/** Pushes from the server (`noun:verbed`). */
export interface ServerToClientEvents {
  'display:settings': (settings: DisplaySettings) => void;
  'display:command': (command: DisplayCommand) => void;
  'board:snapshot': (board: Board) => void;
  /** One change, the board's next seq: the indicator's scalar state and its changed trend points. */
  'indicator:updated': (delta: IndicatorDelta) => void;
  /** Changes coalesced (a burst, an import) or replayed (a resync), in seq order; see `DeltaBatch`. */
  'indicators:updated': (batch: DeltaBatch) => void;
}

/** The answer to a command, as its acknowledgement (the last argument). */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/** How a resync was answered: the missed changes, a fresh snapshot, or nothing was missed. */
export type ResyncAnswer = { kind: 'replay' | 'snapshot' | 'current' };

/** Commands from clients (`noun:verb`); every payload is parsed with its schema first. */
export interface ClientToServerEvents {
  'board:resync': (request: ResyncRequest, ack?: (answer: Ack<ResyncAnswer>) => void) => void;
}

/** Between app nodes (through the Redis adapter): what one node changed that the others must act on. */
export interface InterServerEvents {
  /** The export schedule was changed in the settings: each node restarts its timer from them. */
  'schedule:changed': () => void;
  /** Committed changes of a term's board, or a board-wide change: each node tells its own screens, in seq order. */
  'board:message': (termId: number, message: BoardMessage) => void;
}

/** What one node tells the others about a board: committed changes, or a board-wide change (a fresh snapshot is due). */
export type BoardMessage = { kind: 'changes'; changes: IndicatorUpdate[] } | { kind: 'board' };

export const BOARD_ROOM_PREFIX = 'board:';
