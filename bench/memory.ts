import { readdirSync, readFileSync } from 'node:fs';

/** Resident memory (bytes) of a process, from /proc; 0 once it is gone. */
export function rss(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Proportional set size (bytes): shared pages split among the processes sharing them. */
function pss(pid: number): number {
  try {
    const match = /Pss:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function parentOf(pid: number): number | undefined {
  try {
    return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** Every process descending from `root` (Chromium's browser, renderers, GPU and utility processes). */
export function descendants(root: number): number[] {
  const all = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
  const children = new Map<number, number[]>();
  for (const pid of all) {
    const parent = parentOf(pid);
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const found: number[] = [];
  const walk = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      found.push(child);
      walk(child);
    }
  };
  walk(root);
  return found;
}

/** Samples the peak resident memory of this process and, separately, of its child processes. */
export interface MemoryPeaks {
  serverPeak: number;
  /** Chromium's processes: RSS added up counts the pages they share once per process. */
  childrenPeak: number;
  /** Chromium's processes by PSS: each shared page counted once, split among its sharers. */
  childrenPssPeak: number;
  totalPeak: number;
  processesPeak: number;
}

export function sampleMemory(intervalMs = 50): { stop(): MemoryPeaks } {
  let serverPeak = 0;
  let childrenPeak = 0;
  let childrenPssPeak = 0;
  let totalPeak = 0;
  let processesPeak = 0;
  const sample = () => {
    const server = rss(process.pid);
    const pids = descendants(process.pid);
    const children = pids.reduce((sum, pid) => sum + rss(pid), 0);
    serverPeak = Math.max(serverPeak, server);
    childrenPeak = Math.max(childrenPeak, children);
    childrenPssPeak = Math.max(childrenPssPeak, pids.reduce((sum, pid) => sum + pss(pid), 0));
    totalPeak = Math.max(totalPeak, server + children);
    processesPeak = Math.max(processesPeak, pids.length);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { serverPeak, childrenPeak, childrenPssPeak, totalPeak, processesPeak };
    },
  };
}
