import { z } from 'zod';
import type { Board, BoardIndicator } from '../api/board';
import type { Reading } from '../api/readings';

/** One committed change as screens receive it: the indicator's state right after it. */
export interface IndicatorUpdate {
  seq: number;
  indicator: BoardIndicator;
  /** The reading or correction that made the change; null for an indicator, group or term edit. */
  reading: Reading | null;
}

export const resyncRequestSchema = z.strictObject({ since: z.int().min(0) });
export type ResyncRequest = z.infer<typeof resyncRequestSchema>;

/** Pushes from the server (`noun:verbed`). */
export interface ServerToClientEvents {
  'board:snapshot': (board: Board) => void;
  'indicator:updated': (update: IndicatorUpdate) => void;
  /** Consecutive changes coalesced (a burst, an import, a resync), in seq order. */
  'indicators:updated': (batch: { changes: IndicatorUpdate[] }) => void;
}

/** The answer to a command, as its acknowledgement (the last argument). */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/** How a resync was answered: the missed changes, a fresh snapshot, or nothing was missed. */
export type ResyncAnswer = { kind: 'replay' | 'snapshot' | 'current' };

/** Commands from clients (`noun:verb`); every payload is parsed with its schema first. */
export interface ClientToServerEvents {
  'board:resync': (request: ResyncRequest, ack?: (answer: Ack<ResyncAnswer>) => void) => void;
}

export type InterServerEvents = Record<string, never>;

export const BOARD_ROOM_PREFIX = 'board:';
