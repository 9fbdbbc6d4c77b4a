import { describe, expect, it } from 'vitest';
import { CommitOrder } from '../../server/db/commit-order';

/* The callbacks of write transactions, run in the order the transactions took the write lock. */

describe('CommitOrder', () => {
  it('holds back the callbacks of a transaction whose end is known before an earlier one’s', async () => {
    const order = new CommitOrder();
    const ran: string[] = [];
    const [a, b, c] = [order.take(), order.take(), order.take()];
    const cEnded = order.end(c, [() => ran.push('c')]);
    void order.end(b, [() => ran.push('b1'), () => ran.push('b2')]);
    let cResolved = false;
    void cEnded.then(() => (cResolved = true));
    await Promise.resolve();
    expect(ran).toEqual([]);
    expect(cResolved).toBe(false);
    void order.end(a, [() => ran.push('a')]);
    expect(ran).toEqual(['a', 'b1', 'b2', 'c']);
    // Each transaction resolves once its own callbacks have run.
    await cEnded;
    // Nothing is kept once run: the next ticket runs at once.
    void order.end(order.take(), [() => ran.push('d')]);
    expect(ran).toEqual(['a', 'b1', 'b2', 'c', 'd']);
  });

  it('lets a rolled-back transaction through with nothing to run, and goes on when a callback throws', () => {
    const order = new CommitOrder();
    const ran: string[] = [];
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    const [a, b, c] = [order.take(), order.take(), order.take()];
    void order.end(c, [() => ran.push('c')]);
    void order.end(b, [
      () => {
        throw new Error('b failed');
      },
    ]);
    void order.end(a);
    expect(ran).toEqual(['c']);
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        process.off('warning', onWarning);
        expect(warnings.some((message) => message.includes('b failed'))).toBe(true);
        resolve();
      }),
    );
  });
});
