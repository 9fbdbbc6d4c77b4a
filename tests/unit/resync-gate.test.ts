import { describe, expect, it } from 'vitest';
import { resyncGate, SOCKET_LIMITS } from '../../server/realtime/socket-governance';

type Answer = { ok: false; error: { code: string; message: string } } | undefined;

describe('resyncGate', () => {
  it('refuses a resync while the last one is still being answered', async () => {
    let finish!: () => void;
    let calls = 0;
    const gate = resyncGate(() => {
      calls++;
      return new Promise<void>((resolve) => (finish = resolve));
    });
    const first = gate({ since: 0 });
    let refused: Answer;
    await gate({ since: 0 }, (answer: Answer) => (refused = answer));
    expect(refused?.error.code).toBe('rate_limited');
    expect(calls).toBe(1);
    finish();
    await first;
    const third = gate({ since: 0 });
    expect(calls).toBe(2);
    finish();
    await third;
  });

  it('lets a burst through, then one a second', async () => {
    let clock = 0;
    let calls = 0;
    const gate = resyncGate(async () => void calls++, () => clock);
    for (let i = 0; i < SOCKET_LIMITS.resyncBurst + 5; i++) await gate({ since: 0 });
    expect(calls).toBe(SOCKET_LIMITS.resyncBurst);
    clock += 1000 / SOCKET_LIMITS.resyncPerSecond;
    await gate({ since: 0 });
    await gate({ since: 0 });
    expect(calls).toBe(SOCKET_LIMITS.resyncBurst + 1);
  });
});
