import { readFileSync } from 'node:fs';

/**
 * CPU time (ms, user and system, in clock ticks of 10 ms) a process has used so far, from /proc;
 * with `mainThread`, its main thread's alone (the event loop, which bounds a Node server's rate).
 */
export function cpuMs(pid: number, mainThread = false): number {
  const fields = readFileSync(mainThread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
