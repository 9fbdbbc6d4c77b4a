import type { AddressInfo } from 'node:net';
import { createApp, type App } from '../../server/app';
import { AuthRepository } from '../../server/auth/auth.repository';
import { hashPassword } from '../../server/auth/passwords';
import { hashSecret, newSecret } from '../../server/auth/tokens';
import type { Clock } from '../../server/clock';
import type { Database } from '../../server/db/database';
import { seedDemo } from '../../server/seed/seed';
import { dateInZone } from '../../shared/time/dates';
import { tempDatabase } from './temp-db';

/** 10:00 on 28 November 2026 in Hồ Chí Minh City: the moment most tests are set at. */
export const TEST_NOW = Date.parse('2026-11-28T10:00:00+07:00');
export const ADMIN = { username: 'admin', password: 'Admin-Password-1' };

/** A clock the test moves by hand: fixed at an instant, or following real time from an offset. */
export class TestClock implements Clock {
  private fixed: number | null;
  private offset = 0;

  constructor(start: number | 'real' = TEST_NOW) {
    this.fixed = start === 'real' ? null : start;
  }
  now(): number {
    return this.fixed ?? Date.now() + this.offset;
  }
  /** Following real time (from an offset), rather than fixed at an instant. */
  get isReal(): boolean {
    return this.fixed === null;
  }
  set(instant: number): void {
    if (this.fixed !== null) this.fixed = instant;
    else this.offset = instant - Date.now();
  }
  advance(ms: number): void {
    if (this.fixed !== null) this.fixed += ms;
    else this.offset += ms;
  }
}

export interface TestServer {
  url: string;
  app: App;
  db: Database;
  /** DATABASE_URL of the test's database (PostgreSQL), undefined on SQLite. */
  databaseUrl: string | undefined;
  clock: TestClock;
  dir: string;
  /** Signs in and returns the Cookie header to send. */
  login(username?: string, password?: string): Promise<string>;
  /** Creates a user directly (the admin pages come with their own issue). */
  createUser(input: { username: string; password: string; role: 'admin' | 'editor' | 'viewer'; unitIds?: number[] }): Promise<number>;
  /** Creates a display or API token directly and returns the secret. */
  createToken(kind: 'display' | 'api', scopes?: { unitIds?: number[]; indicatorIds?: number[] }): Promise<string>;
  /** Stops the server (sockets see it go away); `restart` starts it again on the same port and database. */
  stop(): Promise<void>;
  restart(beforeListening?: (app: App) => void | Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/** A real server on an ephemeral port over a real database (SQLite, or PostgreSQL: temp-db.ts), seeded with the demo term by default. */
export async function startTestServer(
  options: {
    seed?: boolean;
    clock?: TestClock;
    clientDir?: string;
    exportSchedule?: { cron: string; timeZone: string; retentionWeeks: number };
    redisUrl?: string;
    /** SMTP_URL and MAIL_FROM (tests/helpers/smtp-server.ts is a receiving end). */
    mail?: { smtpUrl: string; from: string };
    nodeName?: string;
  } = {},
): Promise<TestServer> {
  const clock = options.clock ?? new TestClock();
  // The first admin and (by default) the demo term, as of the test's day: built once, copied after.
  const seeded = options.seed ?? true;
  const temp = await tempDatabase({
    key: `${seeded ? 'demo' : 'empty'}@${clock.isReal ? dateInZone(clock.now(), 'Asia/Ho_Chi_Minh') : clock.now()}`,
    async fill(db, dir) {
      const app = await createApp({ db, clock, timeZone: 'Asia/Ho_Chi_Minh', logLevel: 'silent', dataDir: dir });
      await app.auth.ensureFirstAdmin(ADMIN.username, ADMIN.password);
      await app.close();
      if (seeded) await seedDemo(db, clock.now(), 'Asia/Ho_Chi_Minh');
    },
  });
  const build = () =>
    createApp({
      db: temp.db,
      clock,
      timeZone: 'Asia/Ho_Chi_Minh',
      logLevel: 'silent',
      dataDir: temp.dir,
      ...(options.clientDir ? { clientDir: options.clientDir } : {}),
      ...(options.exportSchedule ? { exportSchedule: options.exportSchedule } : {}),
      ...(options.redisUrl ? { redisUrl: options.redisUrl } : {}),
      ...(options.mail ? { mail: options.mail } : {}),
      ...(options.nodeName ? { nodeName: options.nodeName } : {}),
    });
  let app = await build();
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.http.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  let running = true;
  const authRepository = new AuthRepository(temp.db);

  return {
    url,
    get app() {
      return app;
    },
    db: temp.db,
    databaseUrl: temp.url,
    clock,
    dir: temp.dir,
    login(username = ADMIN.username, password = ADMIN.password) {
      return signIn(url, username, password);
    },
    async createUser({ username, password, role, unitIds }) {
      return authRepository.createUser({ username, displayName: username, passwordHash: await testHash(password), role, unitIds, now: clock.now() });
    },
    async createToken(kind, scopes) {
      const secret = newSecret(kind === 'display' ? 'tbd' : 'tba');
      await authRepository.createToken({
        kind,
        name: `${kind} for tests`,
        tokenHash: hashSecret(secret),
        scopes: JSON.stringify({ unitIds: scopes?.unitIds ?? [], indicatorIds: scopes?.indicatorIds ?? [] }),
        createdByUserId: null,
        now: clock.now(),
      });
      return secret;
    },
    async stop() {
      if (running) await app.close();
      running = false;
    },
    async restart(beforeListening) {
      if (running) await app.close();
      app = await build();
      await beforeListening?.(app);
      await app.http.listen({ port, host: '127.0.0.1' });
      running = true;
    },
    async close() {
      if (running) await app.close();
      running = false;
      await temp.remove();
    },
  };
}

/**
 * A password's Argon2 hash, made once per password in a test process: the suites create the same
 * users test after test, and a hash costs ~30 ms of CPU. Any hash of a password verifies it.
 */
const hashes = new Map<string, Promise<string>>();
function testHash(password: string): Promise<string> {
  let made = hashes.get(password);
  if (!made) hashes.set(password, (made = hashPassword(password)));
  return made;
}

/** Signs in at a server's URL (any node, nginx) and returns the Cookie header to send. */
export async function signIn(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login as ${username} answered ${response.status}`);
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
}

/** fetch with JSON in and out. */
export async function api(
  server: { url: string },
  method: string,
  path: string,
  options: { body?: unknown; rawBody?: string; headers?: Record<string, string>; cookie?: string; token?: string } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${server.url}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed, headers: response.headers };
}
