/**
 * A flooding screen in a process of its own (resync-flooder.ts, forked with tsx): its thousands of
 * emits are encoded and written there, not on the event loop of the bench or test that times the
 * other screens. Used by bench/hostile.ts and tests/integration/socket-governance.test.ts.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface FlooderReport {
  answered: number;
  refused: number;
  /** The disconnect reason when the server cut the socket, else null. */
  cut: string | null;
}

export interface Flooder {
  /** Sends `count` `board:resync {since: 0}` at once; resolves once they are handed to the socket. */
  flood(count: number): Promise<void>;
  /** What came of the flood, once the server cut the socket or after `waitForCutMs`; the process then exits. */
  report(waitForCutMs?: number): Promise<FlooderReport>;
}

/** Starts the flooder, connected with `token` to `url` and holding its snapshot. */
export async function startFlooder(url: string, token: string): Promise<Flooder> {
  const child = fork(join(import.meta.dirname, 'resync-flooder.ts'), [JSON.stringify({ url, token })], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T>(type: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (message: { type: string; message?: string }) => {
        if (message.type === type) {
          child.off('message', onMessage);
          resolve(message as T);
        } else if (message.type === 'error') reject(new Error(`flooder: ${message.message}`));
      };
      child.on('message', onMessage);
      child.once('exit', (code) => reject(new Error(`the flooder exited (${code}) before "${type}"`)));
    });
  await next('ready');
  return {
    async flood(count) {
      const started = next('flooding');
      child.send({ type: 'flood', count });
      await started;
    },
    async report(waitForCutMs = 5000) {
      const report = next<FlooderReport>('report');
      child.send({ type: 'report', waitForCutMs });
      const answer = await report;
      await exited(child);
      return answer;
    },
  };
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}
