import { accessSync, constants } from 'node:fs';

/** Where Debian, Ubuntu and Chrome's own packages put the browser. */
const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome'];

/**
 * Flags for a headless Chromium that renders our own pages on a server: no sandbox (it runs as
 * the service user, often root in containers, where the sandbox cannot start), no GPU, and none
 * of the background traffic (updates, sync, safe browsing) that a closed network refuses.
 */
export const HEADLESS_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export interface ChromiumLaunch {
  executablePath: string;
  args: string[];
  /** `system` (CHROMIUM_PATH or a usual path) or `bundled` (@sparticuz/chromium). */
  source: 'system' | 'bundled';
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Chromium to drive with playwright-core: CHROMIUM_PATH, else the system's, else the one
 * shipped inside the @sparticuz/chromium package (unpacked into /tmp on first use), so that
 * `npm install` alone gives a working browser.
 */
export async function findChromium(env: NodeJS.ProcessEnv = process.env, systemPaths: readonly string[] = SYSTEM_CHROMIUM): Promise<ChromiumLaunch> {
  const configured = env.CHROMIUM_PATH;
  if (configured) {
    if (!executable(configured)) throw new Error(`CHROMIUM_PATH=${configured} is not an executable file`);
    return { executablePath: configured, args: HEADLESS_FLAGS, source: 'system' };
  }
  const system = systemPaths.find(executable);
  if (system) return { executablePath: system, args: HEADLESS_FLAGS, source: 'system' };
  const { default: bundled } = await import('@sparticuz/chromium');
  // Its flags are made for AWS Lambda; --single-process there makes closing one browser
  // context take the whole browser down, and we open and close many.
  const args = bundled.args.filter((flag) => flag !== '--single-process');
  return { executablePath: await bundled.executablePath(), args, source: 'bundled' };
}
