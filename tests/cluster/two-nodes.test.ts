import { sql } from 'drizzle-orm';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBoardStore } from '../../client/realtime/connect';
import { PostgresDatabase } from '../../server/db/postgres';
import { startNginx, type Nginx } from '../helpers/nginx';
import { freePort, spawnServer, tempDataDir, waitHealthy, type ServerProcess } from '../helpers/server-process';
import { boardSocket, collectCoverage, eventually } from '../helpers/socket-client';
import { sqlRows } from '../helpers/sql';
import { LOGINS_PER_ADDRESS_PER_MINUTE } from '../../server/auth/auth.routes';
import { LOGIN_THROTTLE } from '../../server/auth/login-throttle';
import { WRONG_CODES_PER_MINUTE } from '../../server/displays/pairing.service';
import { api, signIn } from '../helpers/start-test-server';
import { createPostgresDatabase } from '../helpers/temp-db';

/*
 * Two app nodes on one PostgreSQL and one Redis, behind nginx running the sample configuration of
 * docs/deployment: what a province's deployment does, on loopback.
 */
const DATABASE_URL = process.env.TEST_DATABASE_URL;
if (!DATABASE_URL || !process.env.TEST_REDIS_URL) throw new Error('TEST_DATABASE_URL and TEST_REDIS_URL must be set: eval "$(.ci/services.sh)"');
/** A Redis database of its own, emptied first: rate-limit counters of an earlier run would count. */
const REDIS_URL = Object.assign(new URL(process.env.TEST_REDIS_URL), { pathname: '/7' }).toString();

const PASSWORD = 'Cluster-Admin-2026';

interface Node {
  name: string;
  process: ServerProcess;
  dataDir: string;
  url: string;
}

let database: { url: string; drop(): Promise<void> };
let db: PostgresDatabase;
let nodes: Node[];
let nginx: Nginx;
let admin: string;
let ids: Map<string, number>;
const stops: Array<() => void> = [];

function startNode(name: string, port: number): Node {
  const dataDir = tempDataDir();
  const process = spawnServer(
    {
      DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      REDIS_URL,
      NODE_NAME: name,
      ADMIN_PASSWORD: PASSWORD,
      // debug: the export schedule's start is logged at debug (the console stays quiet at info).
      LOG_LEVEL: 'debug',
    },
    port,
  );
  return { name, process, dataDir, url: process.url };
}

beforeAll(async () => {
  const redis = new Redis(REDIS_URL);
  await redis.flushdb();
  redis.disconnect();
  database = await createPostgresDatabase(DATABASE_URL);
  // Both at once on an empty database: migrations, the first admin and the demo term race.
  nodes = [startNode('node-1', await freePort()), startNode('node-2', await freePort())];
  await Promise.all(nodes.map((node) => waitHealthy(node.process, 60_000)));
  nginx = await startNginx(
    nodes.map((node) => node.url.replace('http://', '')),
    await freePort(),
  );
  db = await PostgresDatabase.open(database.url, { poolSize: 2 });
  admin = await login(nginx.url);
  const { body } = await api(nginx, 'GET', '/api/board', { cookie: admin });
  ids = new Map(body.indicators.map((i: { code: string; id: number }) => [i.code, i.id]));
}, 120_000);

afterAll(async () => {
  for (const stop of stops) stop();
  for (const node of nodes ?? []) if (node.process.child.exitCode === null) node.process.child.kill('SIGTERM');
  await Promise.all((nodes ?? []).map((node) => node.process.exited));
  await nginx?.stop();
  await db?.close();
  await database?.drop();
});

async function login(url: string, username = 'admin', password = PASSWORD): Promise<string> {
  return signIn(url, username, password);
}

let day = 0;
function postReading(node: { url: string }, code = 'XDD-01') {
  day = (day % 27) + 1;
  return api(node, 'POST', `/api/indicators/${ids.get(code)}/readings`, {
    body: { date: `2026-11-${String(day).padStart(2, '0')}`, value: day },
    cookie: admin,
  });
}

/** The node nginx sends this client to (it hashes on the client address). */
async function nodeBehindNginx(): Promise<{ near: Node; far: Node }> {
  const { body } = await api(nginx, 'GET', '/api/health');
  const near = nodes.find((node) => node.name === body.node);
  if (!near) throw new Error(`nginx answered from ${body.node}`);
  return { near, far: nodes.find((node) => node !== near)! };
}

async function screen(url: string, name: string) {
  const { status, body } = await api(nginx, 'POST', '/api/displays', { body: { name }, cookie: admin });
  expect(status).toBe(201);
  const socket = boardSocket(url, { token: body.token });
  const feed = connectBoardStore(socket);
  const covered = collectCoverage(socket);
  stops.push(() => feed.stop());
  socket.connect();
  await eventually(`${name} to show the board`, () => feed.store.current.board !== null && feed.store.current.connection === 'live');
  return { id: body.id as number, socket, store: feed.store, covered };
}

describe('two app nodes on one PostgreSQL and one Redis, behind nginx', () => {
  it('started together on an empty database: migrated once, one first admin, one demo term', async () => {
    for (const node of nodes) expect((await api(node, 'GET', '/api/health')).body).toMatchObject({ status: 'ok', node: node.name, database: 'postgres', redis: 'ok' });
    const [admins] = await sqlRows<{ n: number }>(db, sql`select cast(count(*) as integer) as n from users`);
    const [current] = await sqlRows<{ n: number }>(db, sql`select cast(count(*) as integer) as n from terms where is_current = true`);
    const [terms] = await sqlRows<{ n: number }>(db, sql`select cast(count(*) as integer) as n from terms`);
    expect(admins!.n).toBe(1);
    expect(current!.n).toBe(1);
    expect(terms!.n).toBe(2);
  });

  it('a screen on one node receives, in seq order, readings posted to the other', async () => {
    const { near, far } = await nodeBehindNginx();
    const tv = await screen(nginx.url, 'Phòng họp tầng 2');
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await postReading(far, i % 2 ? 'KTGS-02' : 'XDD-01'));
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201]);
    const seqs = answers.map((answer) => answer.body.seq as number);
    await eventually('the five updates on the screen', () => tv.covered.length >= 5, 5000);
    expect(tv.covered).toEqual(seqs);
    expect(tv.store.current.board!.seq).toBe(seqs.at(-1));
    // The screen's node is the other one: the updates crossed Redis.
    expect(near).not.toBe(far);
  });

  it('delivers changes committed on both nodes at once to every screen in seq order, with no gap', async () => {
    const tvs = [await screen(nodes[0]!.url, 'Màn hình nút 1'), await screen(nodes[1]!.url, 'Màn hình nút 2')];
    const from = tvs[0]!.store.current.board!.seq;
    const posters = Array.from({ length: 8 }, async (_, poster) => {
      const seqs: number[] = [];
      for (let i = 0; i < 6; i++) {
        const answer = await postReading(nodes[poster % 2]!, i % 2 ? 'KTGS-02' : 'XDD-01');
        expect(answer.status).toBe(201);
        seqs.push(answer.body.seq);
      }
      return seqs;
    });
    const last = Math.max(...(await Promise.all(posters)).flat());
    for (const tv of tvs) {
      await eventually('every change on the screen', () => tv.covered.at(-1) === last, 5000);
      // In arrival order: exactly from+1 … last, each once (coalesced batches cover the seqs they merged).
      expect(tv.covered).toEqual(Array.from({ length: last - from }, (_, i) => from + 1 + i));
    }
  });

  it('answers a retried write once, whichever node the retry reaches', async () => {
    const body = { date: '2026-11-26', value: 3 };
    const headers = { 'idempotency-key': 'cluster-retry-1' };
    const first = await api(nodes[0]!, 'POST', `/api/indicators/${ids.get('XDD-01')}/readings`, { body, cookie: admin, headers });
    const retry = await api(nodes[1]!, 'POST', `/api/indicators/${ids.get('XDD-01')}/readings`, { body, cookie: admin, headers });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    // The same key sent to both nodes at the same moment: one reading.
    const together = { 'idempotency-key': 'cluster-together-1' };
    const answers = await Promise.all(nodes.map((node) => api(node, 'POST', `/api/indicators/${ids.get('KTGS-02')}/readings`, { body, cookie: admin, headers: together })));
    expect(answers.map((answer) => answer.status)).toEqual([201, 201]);
    expect(answers[0]!.body.reading.id).toBe(answers[1]!.body.reading.id);
    const [{ n }] = (await sqlRows<{ n: number }>(db, sql`select cast(count(*) as integer) as n from idempotency_keys where key = 'cluster-together-1'`)) as [{ n: number }];
    expect(n).toBe(1);
  });

  it('tells presence, settings, commands and revocation across nodes', async () => {
    const { near, far } = await nodeBehindNginx();
    const tv = await screen(near.url, 'Hội trường lớn');
    const listed = await api(far, 'GET', '/api/displays', { cookie: admin });
    expect(listed.body.displays.find((d: { id: number }) => d.id === tv.id)).toMatchObject({ connections: 1, online: true });
    const settings: unknown[] = [];
    const commands: unknown[] = [];
    tv.socket.on('display:settings', (value) => settings.push(value));
    tv.socket.on('display:command', (value) => commands.push(value));
    expect((await api(far, 'PATCH', `/api/displays/${tv.id}`, { body: { rotateSeconds: 45 }, cookie: admin })).status).toBe(200);
    const sent = await api(far, 'POST', `/api/displays/${tv.id}/commands`, { body: { type: 'show-page', page: 'summary' }, cookie: admin });
    expect(sent).toMatchObject({ status: 202, body: { delivered: 1 } });
    await eventually('the settings and the command on the screen', () => settings.length === 1 && commands.length === 1, 3000);
    expect(settings[0]).toMatchObject({ id: tv.id, rotateSeconds: 45 });
    expect(commands[0]).toEqual({ type: 'show-page', page: 'summary' });
    const reasons: string[] = [];
    tv.socket.on('disconnect', (reason) => reasons.push(reason));
    expect((await api(far, 'DELETE', `/api/displays/${tv.id}`, { cookie: admin })).status).toBe(204);
    await eventually('the revoked screen to be cut off', () => reasons.length === 1, 3000);
    expect(reasons).toEqual(['io server disconnect']);
  });

  it('runs each scheduled export once, with both nodes up', async () => {
    // Schedules run at most once an hour: this one's slot is set a few seconds ahead, through one
    // node, and both nodes fire it.
    const { far } = await nodeBehindNginx();
    const at = new Date(Date.now() + 15_000);
    const cron = `${at.getUTCSeconds()} ${at.getUTCMinutes()} * * * *`;
    expect((await api(far, 'PATCH', '/api/settings', { body: { exportCron: cron }, cookie: admin })).status).toBe(200);
    await eventually(
      'both nodes to run the new schedule',
      () => nodes.every((node) => logLines(node).some((line) => line.msg === 'export schedule started' && (line as { cron?: string }).cron === cron)),
      10_000,
    );
    expect(Date.now()).toBeLessThan(at.getTime());
    type Row = { id: number; slot: number; status: string };
    const slot = Math.floor(at.getTime() / 1000) * 1000;
    let done: Row[] = [];
    await eventually(
      'the scheduled export done',
      async () => {
        done = await sqlRows<Row>(db, sql`select id, slot, status from exports where kind = 'scheduled' and status = 'done' order by slot`);
        return done.length >= 1;
      },
      60_000,
    );
    const all = await sqlRows<Row>(db, sql`select id, slot, status from exports where kind = 'scheduled' order by slot`);
    expect(all.map((row) => Number(row.slot))).toEqual([slot]);
    expect(all.map((row) => row.status)).toEqual(['done']);
    // The slot's files were rendered by exactly one node.
    const makers = nodes.filter((node) => existsSync(join(node.dataDir, 'exports')) && findExport(join(node.dataDir, 'exports'), done[0]!.id));
    expect(makers).toHaveLength(1);
    // Both nodes fired the slot: one queued it, the other found it taken.
    const iso = new Date(slot).toISOString();
    const said = nodes.map((node) => logLines(node).filter((line) => line.slot === iso).map((line) => line.msg));
    expect(said.flat().sort()).toEqual(['scheduled export already queued (another node, or before a restart)', 'scheduled export queued']);
  });

  it('restarts every node’s export schedule when an admin changes it on one', async () => {
    const { near, far } = await nodeBehindNginx();
    const cron = '0 8 * * 1';
    expect((await api(far, 'PATCH', '/api/settings', { body: { exportCron: cron }, cookie: admin })).status).toBe(200);
    await eventually(
      'both nodes to run the new schedule',
      () => [near, far].every((node) => logLines(node).some((line) => line.msg === 'export schedule started' && (line as { cron?: string }).cron === cron)),
      5000,
    );
  });

  it('counts the per-address request limit across nodes (in Redis)', async () => {
    // An address of its own (X-Forwarded-For from a trusted proxy): earlier sign-ins do not count.
    // Bodies that fail validation: the limit is counted before them, and no sign-in is tried.
    const post = (node: Node) =>
      fetch(`${node.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
        body: '{}',
      }).then((response) => response.status);
    const statuses: number[] = [];
    for (let i = 0; i < LOGINS_PER_ADDRESS_PER_MINUTE; i++) statuses.push(await post(nodes[i % 2]!));
    expect(statuses).toEqual(Array(LOGINS_PER_ADDRESS_PER_MINUTE).fill(400));
    expect([await post(nodes[0]!), await post(nodes[1]!)]).toEqual([429, 429]);
  });

  it('slows down wrong passwords from one address on every node (the counts are in the database)', async () => {
    const signInFrom = (node: Node, i: number) =>
      fetch(`${node.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.8' },
        body: JSON.stringify({ username: `nobody-${i}`, password: 'wrong-password' }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < LOGIN_THROTTLE.freeFailures; i++) statuses.push((await signInFrom(nodes[i % 2]!, i)).status);
    expect(statuses).toEqual(Array(LOGIN_THROTTLE.freeFailures).fill(401));
    for (const node of nodes) {
      const refused = await signInFrom(node, 99);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('pairs a screen by a code across nodes: the code from one node, the admin on the other, the token from the first', async () => {
    const [first, second] = nodes as [Node, Node];
    const asked = await api(first, 'POST', '/api/displays/pairings');
    expect(asked.status).toBe(201);
    const { code, secret } = asked.body as { code: string; secret: string };
    const claim = () => api(first, 'POST', '/api/displays/pairings/claim', { body: { code, secret } });
    expect((await claim()).body).toEqual({ status: 'waiting' });
    const paired = await api(second, 'POST', '/api/displays/pair', { body: { code, name: 'Phòng họp ghép mã' }, cookie: admin });
    expect(paired).toMatchObject({ status: 201, body: { name: 'Phòng họp ghép mã' } });
    const taken = await claim();
    expect(taken.body).toMatchObject({ status: 'paired', id: paired.body.id, name: 'Phòng họp ghép mã' });

    // The screen, still on the first node, shows the board with its own token.
    const socket = boardSocket(first.url, { token: taken.body.token });
    const feed = connectBoardStore(socket);
    stops.push(() => feed.stop());
    socket.connect();
    await eventually('the paired screen to show the board', () => feed.store.current.board !== null && feed.store.current.connection === 'live');
    const listed = await api(second, 'GET', '/api/displays', { cookie: admin });
    expect(listed.body.displays.find((d: { id: number }) => d.id === paired.body.id)).toMatchObject({ online: true });
  });

  it('pairs one screen when its code is typed on both nodes at once', async () => {
    const { code, secret } = (await api(nodes[0]!, 'POST', '/api/displays/pairings')).body as { code: string; secret: string };
    const answers = await Promise.all(nodes.map((node) => api(node, 'POST', '/api/displays/pair', { body: { code, name: `Màn hình ${node.name}` }, cookie: admin })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 404]);
    const winner = answers.find((answer) => answer.status === 201)!;
    const taken = await api(nodes[1]!, 'POST', '/api/displays/pairings/claim', { body: { code, secret } });
    expect(taken.body).toMatchObject({ status: 'paired', id: winner.body.id });
  });

  it('counts an admin’s wrong pairing codes across nodes: ten spread over both, then 429 on each', async () => {
    const user = { username: 'pairing.guesser', displayName: 'Pairing guesser', password: 'Cluster-Guesser-2026!', role: 'admin' };
    expect((await api(nginx, 'POST', '/api/users', { body: user, cookie: admin })).status).toBe(201);
    const guesser = await login(nginx.url, user.username, user.password);
    const { code } = (await api(nodes[0]!, 'POST', '/api/displays/pairings')).body as { code: string };
    const wrong = code === 'ZZZZZ2' ? 'ZZZZZ3' : 'ZZZZZ2';
    const statuses: number[] = [];
    for (let i = 0; i < WRONG_CODES_PER_MINUTE; i++) statuses.push((await api(nodes[i % 2]!, 'POST', '/api/displays/pair', { body: { code: wrong, name: 'Đoán' }, cookie: guesser })).status);
    expect(statuses).toEqual(Array(WRONG_CODES_PER_MINUTE).fill(404));
    for (const node of nodes) expect((await api(node, 'POST', '/api/displays/pair', { body: { code, name: 'Đúng mã' }, cookie: guesser })).status).toBe(429);
    // The right code was not used by the refused admin.
    expect((await api(nodes[1]!, 'POST', '/api/displays/pair', { body: { code, name: 'Đúng mã' }, cookie: admin })).status).toBe(201);
  });

  it('when the screens’ node dies they reconnect to the other and catch up with nothing missed', async () => {
    const { near, far } = await nodeBehindNginx();
    const tv = await screen(nginx.url, 'Phòng Thường trực');
    near.process.child.kill('SIGKILL');
    await near.process.exited;
    // Written while the screen has no node: it must get them when it is back.
    for (let i = 0; i < 3; i++) expect((await postReading(far, 'KTGS-02')).status).toBe(201);
    const { body: board } = await api(far, 'GET', '/api/board', { cookie: admin });
    await eventually('the screen to reconnect and reach the board', () => tv.store.current.connection === 'live' && tv.store.current.board?.seq === board.seq, 20_000);
    expect(tv.store.current.board).toEqual({ ...board, asOf: expect.any(String) });
    expect((await api(nginx, 'GET', '/api/health')).body.node).toBe(far.name);
  });

});

function logLines(node: Node): Array<{ msg?: string; slot?: string }> {
  return node.process
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { msg?: string; slot?: string });
}

function findExport(root: string, id: number): boolean {
  return readdirSync(root).some((week) => existsSync(join(root, week, String(id))));
}
