import type { Board, BoardIndicator } from '../../shared/api/board';
import { coalesceDeltas, indicatorDelta, readingBrief, type DeltaBatch, type IndicatorDelta } from '../../shared/realtime/delta';
import type { IndicatorUpdate } from '../../shared/realtime/events';
import type { FeedOutput } from './seq-ordered-feed';

/**
 * How long changes after a send wait to go out together: a change after a quiet spell goes out
 * at once; one that follows a send closer than the window waits for the window's end, with what
 * else comes meanwhile. The window grows with the load (MIN × the changes the last send carried,
 * up to MAX): readings now and then are not held back, and under a burst each screen gets at
 * most ten messages a second, whatever the rate.
 */
export const COALESCE_WINDOW = { minMs: 15, maxMs: 100 };

/** Where a term's deltas and snapshots go: its screens on this node. */
export interface ScreenOutput {
  delta(delta: IndicatorDelta): void;
  batch(batch: DeltaBatch): void;
  snapshot(board: Board): void;
}

/**
 * Full-state changes, in seq order, as deltas from `shown` (the state each indicator was last
 * sent in, updated as it goes); an indicator not in it is sent whole.
 */
export function deltasOf(updates: readonly IndicatorUpdate[], shown: Map<number, BoardIndicator>): IndicatorDelta[] {
  return updates.map((update) => {
    const delta = indicatorDelta(update.seq, shown.get(update.indicator.id), update.indicator, update.reading && readingBrief(update.reading));
    shown.set(update.indicator.id, update.indicator);
    return delta;
  });
}

/**
 * Changes a screen missed as one batch from `since`, each indicator once at its latest state:
 * deltas from `known` (the indicators of the board the screen has at `since`), whole without it.
 */
export function replayBatch(since: number, updates: readonly IndicatorUpdate[], known: readonly BoardIndicator[] = []): DeltaBatch {
  const shown = new Map(known.map((indicator) => [indicator.id, indicator]));
  return { since, changes: coalesceDeltas(deltasOf(updates, shown)) };
}

/**
 * One term's delivery to this node's screens, fed in seq order by a SeqOrderedFeed. Keeps the
 * state screens were last sent of each indicator, so that a change goes out as a delta: its
 * scalar state and its changed trend points. Changes arriving within the coalescing window of
 * the last send wait and go out as one `indicators:updated` (each indicator once, merged, at its
 * latest seq); a board-wide snapshot replaces whatever waits.
 */
export class ScreenDelivery implements FeedOutput {
  private readonly shown = new Map<number, BoardIndicator>();
  private waiting: IndicatorDelta[] = [];
  /** The seq the waiting deltas follow on from. */
  private since = 0;
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private windowMs: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sent: Array<() => void> = [];

  constructor(
    private readonly out: ScreenOutput,
    private readonly window = COALESCE_WINDOW,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.windowMs = window.minMs;
  }

  changes(updates: IndicatorUpdate[]): void {
    for (const delta of deltasOf(updates, this.shown)) {
      const last = this.waiting.at(-1);
      // A batch covers every seq from `since` to its last: one the log no longer had (a gap the
      // feed could not fill) must not be covered, so what waits goes out first.
      if (last && delta.seq !== last.seq + 1) this.flush();
      if (this.waiting.length === 0) this.since = delta.seq - 1;
      this.waiting.push(delta);
    }
    if (this.timer !== undefined) return;
    const wait = this.lastSentAt + this.windowMs - this.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  snapshot(board: Board): void {
    // The snapshot has every change the feed delivered so far, the waiting ones too.
    this.waiting = [];
    this.shown.clear();
    for (const indicator of board.indicators) this.shown.set(indicator.id, indicator);
    this.out.snapshot(board);
    this.settle();
  }

  /** Resolves once nothing waits to be sent (tests, a clean stop). */
  settled(): Promise<void> {
    if (this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.sent.push(resolve));
  }

  private flush(): void {
    const deltas = this.waiting;
    this.waiting = [];
    if (deltas.length === 1) this.out.delta(deltas[0]!);
    else if (deltas.length > 1) this.out.batch({ since: this.since, changes: coalesceDeltas(deltas) });
    this.lastSentAt = this.now();
    this.windowMs = Math.min(this.window.maxMs, this.window.minMs * Math.max(1, deltas.length));
    this.settle();
  }

  private settle(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const resolve of this.sent.splice(0)) resolve();
  }
}
