/**
 * The weekly export of the demo board, cold (Chromium not yet running) and warm (reused), with
 * the peak resident memory of the server and of Chromium's processes during it; the baseline of
 * the same run is bare Chromium: launch, open a blank page, screenshot it, close.
 */
import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createApp } from '../server/app';
import type { Principal } from '../server/auth/principal';
import { findChromium } from '../server/browser/chromium';
import { seedDemo } from '../server/seed/seed';
import { benchDatabase } from './database';
import { sampleMemory } from './memory';

const ROOT = join(import.meta.dirname, '..');
const MB = 1024 * 1024;

export async function benchExport(): Promise<string[]> {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-if-needed.mjs')], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  const lines: string[] = [];

  const { executablePath, args, source } = await findChromium();
  const bareStarted = performance.now();
  const bare = await chromium.launch({ executablePath, args });
  const page = await bare.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.screenshot();
  await bare.close();
  lines.push(`baseline: bare Chromium (${source}) launch + blank 1920×1080 screenshot: ${(performance.now() - bareStarted).toFixed(0)} ms`);

  const temp = await benchDatabase();
  const clock = { now: () => Date.now() };
  await seedDemo(temp.db, clock.now(), 'Asia/Ho_Chi_Minh');
  const app = await createApp({ db: temp.db, clock, timeZone: 'Asia/Ho_Chi_Minh', logLevel: 'silent', dataDir: temp.dir, clientDir: join(ROOT, 'dist', 'client') });
  await app.auth.ensureFirstAdmin('admin', 'Bench-Password-1');
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  void (app.http.server.address() as AddressInfo);
  const principal: Principal = { kind: 'user', userId: 1, username: 'admin', displayName: 'admin', role: 'admin', unitIds: [] };

  const runOnce = async (label: string) => {
    const memory = sampleMemory();
    const started = performance.now();
    const { id } = await app.exports.request(principal, undefined);
    await app.exports.idle();
    const elapsed = performance.now() - started;
    const peaks = memory.stop();
    const result = await app.exports.get(id);
    if (result.status !== 'done') throw new Error(`export ${label} ${result.status}: ${result.error}`);
    lines.push(
      `${label}: ${(elapsed / 1000).toFixed(2)} s for ${result.files.length} files; peak RSS server ${(peaks.serverPeak / MB).toFixed(0)} MB, ` +
        `Chromium ${(peaks.childrenPeak / MB).toFixed(0)} MB (PSS ${(peaks.childrenPssPeak / MB).toFixed(0)} MB, ${peaks.processesPeak} processes), ` +
        `together ${(peaks.totalPeak / MB).toFixed(0)} MB`,
    );
  };
  await runOnce('export of the demo board, cold (Chromium launched)');
  for (let i = 1; i <= 3; i++) await runOnce(`export of the demo board, warm #${i}`);
  await app.close();
  await temp.remove();
  return lines;
}
