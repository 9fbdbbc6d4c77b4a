import type { BoardServer } from './broadcaster';
import type { ServerToClientEvents } from '../../shared/realtime/events';

/**
 * Sockets written to in one turn of the event loop. A write to a screen's socket costs the event
 * loop 15–18 µs on the two-core machine of docs/performance.md (more in its slow minutes): a
 * slice is 1.5–3 ms, within which a reading's answer may wait.
 */
export const FAN_OUT_SLICE = 100;

type Event = keyof ServerToClientEvents;
type Message = { [E in Event]: { event: E; args: Parameters<ServerToClientEvents[E]> } }[Event];

/**
 * Sends a room's messages to its sockets on this node a slice at a time, giving the event loop a
 * turn between slices (docs/decisions.md, "Screens are written to in slices"): a message to
 * 1,000 screens held the loop 16–35 ms, every answer and commit waiting behind it, ten times a
 * second under load. Each slice is one broadcast (the packet encoded once a slice) to the sockets
 * it names; a socket is a room of its own.
 *
 * Messages go out in the order given, each to every socket before the next starts, so that every
 * socket gets them in that order. The sockets are those in the room when a message starts: one
 * that joins later has had the board from its own snapshot.
 */
export class RoomFanOut {
  private readonly queue: Message[] = [];
  private sending = false;
  private readonly drained: Array<() => void> = [];

  constructor(
    private readonly io: BoardServer,
    private readonly room: string,
    private readonly onError: (error: unknown) => void,
    private readonly slice = FAN_OUT_SLICE,
  ) {}

  emit<E extends Event>(event: E, ...args: Parameters<ServerToClientEvents[E]>): void {
    this.queue.push({ event, args } as Message);
    if (!this.sending) void this.send();
  }

  /** Resolves once every message given so far has gone to every socket. */
  idle(): Promise<void> {
    return this.sending ? new Promise((resolve) => this.drained.push(resolve)) : Promise.resolve();
  }

  private async send(): Promise<void> {
    this.sending = true;
    for (let message = this.queue.shift(); message; message = this.queue.shift()) {
      try {
        const sockets = [...(this.io.of('/').adapter.rooms.get(this.room) ?? [])];
        for (let start = 0; start < sockets.length; start += this.slice) {
          if (start > 0) await new Promise((resolve) => setImmediate(resolve));
          const to = this.io.local.to(sockets.slice(start, start + this.slice)) as unknown as { emit(event: Event, ...args: unknown[]): boolean };
          to.emit(message.event, ...message.args);
        }
      } catch (error) {
        this.onError(error);
      }
    }
    this.sending = false;
    for (const resolve of this.drained.splice(0)) resolve();
  }
}
