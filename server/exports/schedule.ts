import { Cron } from 'croner';
import type { Clock } from '../clock';
import type { ExportsService } from './exports.service';

export interface ScheduleOptions {
  /** Cron expression (5 or 6 fields), e.g. `0 7 * * 1`: Mondays at 07:00. */
  cron: string;
  timeZone: string;
  /** When the schedule first ran on this database: slots before it were never missed. */
  since: number;
}

/** The shortest time between two exports of a schedule: each renders every page in a browser. */
export const MIN_EXPORT_INTERVAL_MS = 60 * 60 * 1000;

/** What is wrong with a schedule: not an expression croner accepts, or runs closer than an hour; null when fine. */
export function scheduleProblem(cron: string, timeZone: string): 'invalid' | 'too_frequent' | null {
  let runs: Date[];
  try {
    const job = new Cron(cron, { timezone: timeZone, paused: true });
    runs = job.nextRuns(25);
    job.stop();
  } catch {
    return 'invalid';
  }
  for (let i = 1; i < runs.length; i++) if (runs[i]!.getTime() - runs[i - 1]!.getTime() < MIN_EXPORT_INTERVAL_MS) return 'too_frequent';
  return null;
}

/** True when croner accepts the expression and time zone, and it runs at most once an hour. */
export function isValidSchedule(cron: string, timeZone: string): boolean {
  return scheduleProblem(cron, timeZone) === null;
}

/**
 * Fires the export of each slot of the schedule. At start, the last slot before now is caught
 * up if no export has it (the server was down then); resolves once that is done. The database
 * keeps it to one export a slot, however many nodes fire it. A slot that cannot be queued (the
 * database unreachable) is logged, and the schedule carries on.
 */
export async function startExportSchedule(exportsService: ExportsService, options: ScheduleOptions, clock: Clock): Promise<{ stop(): void }> {
  const job = new Cron(
    options.cron,
    { timezone: options.timeZone, protect: true, catch: (error, self) => exportsService.scheduleFailed(self.currentRun()?.getTime(), error) },
    async () => {
      // Read before any await: the slot this run is for. croner's currentRun() is when the run
      // fired, which a busy event loop makes late (07:00:01): the slot is the schedule's own time
      // at or before it, so that every node names the same slot.
      const fired = job.currentRun();
      const [slot] = fired ? job.previousRuns(1, new Date(fired.getTime() + 1)) : [];
      if (slot) await exportsService.scheduleSlot(slot.getTime());
    },
  );
  const [last] = job.previousRuns(1, new Date(clock.now()));
  if (last && last.getTime() >= options.since) {
    const slot = last.getTime();
    try {
      if (!(await exportsService.hasSlot(slot))) await exportsService.scheduleSlot(slot);
    } catch (error) {
      exportsService.scheduleFailed(slot, error);
    }
  }
  return { stop: () => job.stop() };
}
