import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Playwright's temporary Chromium profiles: removed when the browser closes, left behind by a kill -9. */
const PROFILE_PREFIX = 'playwright_chromiumdev_profile-';
/** A profile younger than this may belong to a browser still starting. */
const SETTLE_MS = 60_000;

/**
 * Removes the temporary browser profiles that no running process uses (a node killed while
 * exporting leaves its browser's, tens of MB each). A profile in use by any live browser — another
 * node's on the same host — is kept: Linux's /proc says which are. Elsewhere nothing is removed.
 * Returns the folders removed.
 */
export function removeStaleBrowserProfiles(folder = tmpdir(), now = Date.now()): string[] {
  const inUse = profilesInUse();
  if (inUse === undefined) return [];
  const removed: string[] = [];
  for (const name of safeList(folder)) {
    if (!name.startsWith(PROFILE_PREFIX)) continue;
    const path = join(folder, name);
    try {
      if (inUse.has(path) || now - statSync(path).mtimeMs < SETTLE_MS) continue;
      rmSync(path, { recursive: true, force: true });
      removed.push(path);
    } catch {
      // Gone meanwhile, or not ours to remove.
    }
  }
  return removed;
}

/** The --user-data-dir of every running process, or undefined where /proc does not say. */
function profilesInUse(): Set<string> | undefined {
  const processes = safeList('/proc');
  if (processes.length === 0) return undefined;
  const used = new Set<string>();
  for (const pid of processes) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      for (const arg of readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')) {
        if (arg.startsWith('--user-data-dir=')) used.add(arg.slice('--user-data-dir='.length));
      }
    } catch {
      // The process ended meanwhile, or is not readable.
    }
  }
  return used;
}

function safeList(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
