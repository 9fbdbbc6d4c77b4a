import type { AddressInfo } from 'node:net';
import { createApp, type App } from '../../server/app';
import { AuthRepository } from '../../server/auth/auth.repository';
import { hashPassword } from '../../server/auth/passwords';
import { hashSecret, newSecret } from '../../server/auth/tokens';
import type { Clock } from '../../server/clock';
import type { Db } from '../../server/db/client';
import { seedDemo } from '../../server/seed/seed';
import { tempDatabase } from './temp-db';

/** 10:00 on 28 November 2026 in Hồ Chí Minh City: the moment most tests are set at. */
export const TEST_NOW = Date.parse('2026-11-28T10:00:00+07:00');
export const ADMIN = { username: 'admin', password: 'Admin-Password-1' };

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  constructor(private current: number = TEST_NOW) {}
  now(): number {
    return this.current;
  }
  set(instant: number): void {
    this.current = instant;
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

export interface TestServer {
  url: string;
  app: App;
  db: Db;
  clock: TestClock;
  dir: string;
  /** Signs in and returns the Cookie header to send. */
  login(username?: string, password?: string): Promise<string>;
  /** Creates a user directly (the admin pages come with their own issue). */
  createUser(input: { username: string; password: string; role: 'admin' | 'editor' | 'viewer'; unitIds?: number[] }): Promise<number>;
  /** Creates a display or API token directly and returns the secret. */
  createToken(kind: 'display' | 'api', scopes?: { unitIds?: number[]; indicatorIds?: number[] }): string;
  close(): Promise<void>;
}

/** A real server on an ephemeral port over a real SQLite file, seeded with the demo term by default. */
export async function startTestServer(options: { seed?: boolean; clock?: TestClock } = {}): Promise<TestServer> {
  const temp = tempDatabase();
  const clock = options.clock ?? new TestClock();
  const app = await createApp({ db: temp.db, clock, timeZone: 'Asia/Ho_Chi_Minh', logLevel: 'silent' });
  await app.auth.ensureFirstAdmin(ADMIN.username, ADMIN.password);
  if (options.seed ?? true) seedDemo(temp.db, clock.now(), 'Asia/Ho_Chi_Minh');
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.http.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const authRepository = new AuthRepository(temp.db);

  return {
    url,
    app,
    db: temp.db,
    clock,
    dir: temp.dir,
    async login(username = ADMIN.username, password = ADMIN.password) {
      const response = await fetch(`${url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      if (response.status !== 200) throw new Error(`login as ${username} answered ${response.status}`);
      return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
    },
    async createUser({ username, password, role, unitIds }) {
      return authRepository.createUser({ username, displayName: username, passwordHash: await hashPassword(password), role, unitIds, now: clock.now() });
    },
    createToken(kind, scopes) {
      const secret = newSecret(kind === 'display' ? 'tbd' : 'tba');
      authRepository.createToken({
        kind,
        name: `${kind} for tests`,
        tokenHash: hashSecret(secret),
        scopes: JSON.stringify({ unitIds: scopes?.unitIds ?? [], indicatorIds: scopes?.indicatorIds ?? [] }),
        createdByUserId: null,
        now: clock.now(),
      });
      return secret;
    },
    async close() {
      await app.close();
      temp.remove();
    },
  };
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
