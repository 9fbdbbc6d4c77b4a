import { sql } from 'drizzle-orm';
import { createServer, connect, type AddressInfo, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresDatabase } from '../../server/db/postgres';
import { eventually } from '../helpers/socket-client';
import { createPostgresDatabase } from '../helpers/temp-db';

/*
 * On PostgreSQL the write lock is released inside a COMMIT, before its answer is sent: on a busy
 * machine the next transaction can run and commit, and its answer arrive, first. Its `committed`
 * callback (screens told of seq N + 1) must still wait for the first's (seq N). A proxy on
 * loopback between the pool and the server holds back the answer to one COMMIT, as a server
 * process descheduled at that moment would.
 */
const DATABASE_URL = process.env.TEST_DATABASE_URL;
if (!DATABASE_URL) throw new Error('TEST_DATABASE_URL must be set: eval "$(.ci/services.sh)"');

/** Forwards connections to `target`; `holdNextCommit` delays what the server answers on the connection that sends the next COMMIT. */
function answerDelayingProxy(target: URL): Promise<{ url: string; holdNextCommit(ms: number): void; close(): Promise<void> }> {
  let holdFor = 0;
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    const held: Buffer[] = [];
    let holding = false;
    client.on('data', (chunk) => {
      if (holdFor > 0 && /\bcommit\b/i.test(chunk.toString('latin1'))) {
        holding = true;
        setTimeout(() => {
          holding = false;
          for (const answer of held.splice(0)) client.write(answer);
        }, holdFor);
        holdFor = 0;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => (holding ? held.push(chunk) : client.write(chunk)));
    const end = () => (client.destroy(), upstream.destroy());
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const url = new URL(target);
      url.hostname = '127.0.0.1';
      url.port = String((server.address() as AddressInfo).port);
      resolve({
        url: url.toString(),
        holdNextCommit: (ms) => (holdFor = ms),
        close: () => new Promise((closed) => server.close(() => closed())),
      });
    }),
  );
}

let database: { url: string; drop(): Promise<void> };
let proxy: Awaited<ReturnType<typeof answerDelayingProxy>>;
let db: PostgresDatabase;

beforeAll(async () => {
  database = await createPostgresDatabase(DATABASE_URL);
  proxy = await answerDelayingProxy(new URL(database.url));
  db = await PostgresDatabase.open(proxy.url);
});
afterAll(async () => {
  await db?.close();
  await proxy?.close();
  await database?.drop();
});

describe('write transactions on PostgreSQL', () => {
  it('run their `committed` callbacks in commit order when the answer to the first COMMIT comes last', async () => {
    const events: string[] = [];
    const unit = (name: string, beforeCommit: () => void = () => undefined) =>
      db
        .transaction(
          async () => {
            await db.execute(sql`insert into settings (key, value) values (${name}, '1')`);
            events.push(`${name} ran`);
            beforeCommit();
          },
          () => events.push(`${name} committed`),
        )
        .then(() => events.push(`${name} resolved`));
    const a = unit('a', () => proxy.holdNextCommit(400));
    await eventually('a to hold the write lock', () => events.includes('a ran'));
    // b waits for the lock, gets it when a's COMMIT releases it, and commits while a's answer is held.
    const b = unit('b');
    await Promise.all([a, b]);
    expect(events.indexOf('b ran')).toBeLessThan(events.indexOf('a resolved'));
    expect(events.filter((event) => event.endsWith('committed'))).toEqual(['a committed', 'b committed']);
    for (const name of ['a', 'b']) expect(events.indexOf(`${name} committed`)).toBeLessThan(events.indexOf(`${name} resolved`));
  });
});
