import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportsRepository, type Lease } from '../../server/exports/exports.repository';
import { LEASE_MS } from '../../server/exports/exports.service';
import { tempDatabase, testDialect, type TempDatabase } from '../helpers/temp-db';

/*
 * The export lease across nodes: two repositories on one database stand for two nodes. The clock
 * is the test's: a lease runs out when the test says so.
 */
let temp: TempDatabase;
let nodeA: ExportsRepository;
let nodeB: ExportsRepository;
const T0 = Date.parse('2026-11-30T07:00:00+07:00');
const lease = (owner: string, now: number): Lease => ({ owner, until: now + LEASE_MS });

// Each test gets its own server and database: a failure leaves the next test untouched.
beforeEach(async () => {
  temp = await tempDatabase();
  nodeA = new ExportsRepository(temp.db);
  nodeB = new ExportsRepository(temp.db);
});
afterEach(() => temp.remove());

describe(`the export lease (${testDialect})`, () => {
  it('keeps an export with its node while the lease holds, and lets another node take it over once it runs out', async () => {
    const id = (await nodeA.queue({ kind: 'scheduled', slot: T0, asOf: T0, week: '2026-W49', requestedByUserId: null, now: T0 }, lease('a', T0)))!;
    expect(id).toBeGreaterThan(0);
    // The same slot again, from the other node: taken.
    expect(await nodeB.queue({ kind: 'scheduled', slot: T0, asOf: T0, week: '2026-W49', requestedByUserId: null, now: T0 }, lease('b', T0))).toBeUndefined();

    // Node A still holds it (renewed a little later): nothing for B to take.
    await nodeA.renew([id], lease('a', T0 + 20_000));
    expect(await nodeB.takeOverAbandoned(T0 + LEASE_MS + 1_000, lease('b', T0 + LEASE_MS + 1_000))).toEqual([]);

    // Node A died: no renewal; once the lease has run out, B takes it over.
    const later = T0 + 20_000 + LEASE_MS + 1;
    expect(await nodeB.takeOverAbandoned(later, lease('b', later))).toEqual([id]);
    // A, back from a pause, may not start it any more; B may.
    expect(await nodeA.start(id, later, lease('a', later))).toBe(false);
    expect(await nodeB.start(id, later, lease('b', later))).toBe(true);
    // A's renewals no longer touch it.
    await nodeA.renew([id], lease('a', later + 50_000));
    expect((await nodeB.find(id))).toMatchObject({ status: 'running', leaseOwner: 'b', leaseUntil: later + LEASE_MS });
  });

  it('takes back at once what a node gave back on a clean stop, and never a finished export', async () => {
    const now = T0 + 10 * LEASE_MS;
    const id = (await nodeB.queue({ kind: 'on_demand', slot: null, asOf: now, week: '2026-W49', requestedByUserId: null, now }, lease('b', now)))!;
    expect(await nodeB.start(id, now, lease('b', now))).toBe(true);
    await nodeB.release([id], 'b');
    expect(await nodeB.find(id)).toMatchObject({ status: 'queued', leaseOwner: null, leaseUntil: null });
    const taken = await nodeA.takeOverAbandoned(now, lease('a', now));
    expect(taken).toContain(id);
    expect(await nodeA.start(id, now, lease('a', now))).toBe(true);
    await nodeA.finish(id, now + 5_000, { status: 'done', files: '[]' });
    expect(await nodeA.find(id)).toMatchObject({ status: 'done', leaseOwner: null, leaseUntil: null });
    expect(await nodeB.takeOverAbandoned(now + 100 * LEASE_MS, lease('b', now + 100 * LEASE_MS))).not.toContain(id);
  });
});
