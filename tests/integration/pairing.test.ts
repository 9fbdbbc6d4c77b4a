import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../server/auth/tokens';
import { PAIRINGS_PER_ADDRESS_PER_MINUTE } from '../../server/displays/displays.routes';
import { WRONG_CODES_PER_MINUTE } from '../../server/displays/pairing.service';
import { PAIRING_ALPHABET, PAIRING_VALID_MS } from '../../shared/api/displays';
import { sqlRows, sqlRun } from '../helpers/sql';
import { api, startTestServer, type TestServer } from '../helpers/start-test-server';

/*
 * Pairing a screen by a code (CONTRACT.md), with the pairings in the database: a code outlives a
 * restart, the token is never stored, a code serves once however it is raced, and wrong codes are
 * counted where every node sees them. Runs on SQLite, and on PostgreSQL with TEST_DATABASE_URL.
 */

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login();
});
afterAll(() => server.close());

interface Waiting {
  code: string;
  secret: string;
  expiresAt: string;
}

async function waitingScreen(): Promise<Waiting> {
  const answer = await api(server, 'POST', '/api/displays/pairings');
  expect(answer.status).toBe(201);
  return answer.body as Waiting;
}

const claim = (screen: Waiting, secret = screen.secret) => api(server, 'POST', '/api/displays/pairings/claim', { body: { code: screen.code, secret } });
const pair = (code: string, name: string, cookie = admin) => api(server, 'POST', '/api/displays/pair', { body: { code, name }, cookie });

/** Every row of display_pairings, as text: what someone who reads the database sees. */
async function pairingRows(): Promise<Array<Record<string, unknown>>> {
  return sqlRows(server.db, sql`select * from display_pairings`);
}

/** A wrong code for this test: from the alphabet, so only the database can say it is unknown. */
let guess = 0;
function wrongCode(): string {
  guess++;
  return Array.from({ length: 6 }, (_, i) => PAIRING_ALPHABET[(guess * (i + 7)) % PAIRING_ALPHABET.length]).join('');
}

async function newAdmin(username: string): Promise<string> {
  await server.createUser({ username, password: 'Pairing-Admin-2026', role: 'admin' });
  return server.login(username, 'Pairing-Admin-2026');
}

describe('pairing a screen by a code, kept in the database', () => {
  it('pairs a screen with a code that was issued before the server restarted', async () => {
    const screen = await waitingScreen();
    expect(screen.code).toMatch(new RegExp(`^[${PAIRING_ALPHABET}]{6}$`));
    expect(Date.parse(screen.expiresAt)).toBe(server.clock.now() + PAIRING_VALID_MS);
    await server.restart();
    expect((await claim(screen)).body).toEqual({ status: 'waiting' });

    const paired = await pair(screen.code.toLowerCase(), 'Phòng họp sau khởi động lại');
    expect(paired).toMatchObject({ status: 201, body: { name: 'Phòng họp sau khởi động lại' } });
    await server.restart();
    const taken = await claim(screen);
    expect(taken.body).toMatchObject({ status: 'paired', id: paired.body.id, name: 'Phòng họp sau khởi động lại', token: expect.stringMatching(/^tbd_/) });
    // The token opens the board, and the display is one of the office's screens.
    expect((await api(server, 'GET', '/api/board', { token: taken.body.token })).status).toBe(200);
    const listed = (await api(server, 'GET', '/api/displays', { cookie: admin })).body.displays;
    expect(listed.find((d: { id: number }) => d.id === paired.body.id)).toMatchObject({ name: 'Phòng họp sau khởi động lại', revokedAt: null });
    // Given once.
    expect((await claim(screen)).status).toBe(404);
  });

  it('stores neither the screen’s secret nor its token: a hash of the secret, and the row is gone once the token is taken', async () => {
    const screen = await waitingScreen();
    const waiting = (await pairingRows()).find((row) => row.code === screen.code)!;
    expect(waiting).toMatchObject({ secret_hash: hashSecret(screen.secret), display_id: null });
    expect(JSON.stringify(await pairingRows())).not.toContain(screen.secret);

    const paired = await pair(screen.code, 'Phòng đọc');
    const before = (await pairingRows()).find((row) => row.code === screen.code)!;
    expect(Number(before.display_id)).toBe(paired.body.id);
    expect(Object.keys(before).sort()).toEqual(['claimed', 'code', 'display_id', 'expires_at', 'secret_hash']);

    const { token } = (await claim(screen)).body as { token: string };
    expect((await pairingRows()).some((row) => row.code === screen.code)).toBe(false);
    const [stored] = await sqlRows<{ token_hash: string }>(server.db, sql`select token_hash from access_tokens where id = ${paired.body.id}`);
    expect(stored!.token_hash).toBe(hashSecret(token));
  });

  it('answers 404 to a wrong secret, and to a code past its 10 minutes; expired codes are swept', async () => {
    const screen = await waitingScreen();
    expect((await claim(screen, `${screen.secret}x`)).status).toBe(404);
    expect((await claim(screen, 'tbp_not-the-secret')).status).toBe(404);
    expect((await claim(screen)).body).toEqual({ status: 'waiting' });

    server.clock.advance(PAIRING_VALID_MS);
    try {
      expect((await claim(screen)).status).toBe(404);
      expect((await pair(screen.code, 'Quá hạn')).status).toBe(404);
      // The next screen to ask for a code sweeps the expired rows.
      const next = await waitingScreen();
      const codes = (await pairingRows()).map((row) => row.code);
      expect(codes).toContain(next.code);
      expect(codes).not.toContain(screen.code);
    } finally {
      server.clock.advance(-PAIRING_VALID_MS);
    }
  });

  it('pairs one screen when the same code is typed twice at once: one 201, one 404', async () => {
    const screen = await waitingScreen();
    const second = await newAdmin('pairing.race');
    const answers = await Promise.all([pair(screen.code, 'Hội trường A'), pair(screen.code, 'Hội trường B', second)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 404]);
    const winner = answers.find((answer) => answer.status === 201)!;
    const taken = await claim(screen);
    expect(taken.body).toMatchObject({ status: 'paired', id: winner.body.id, name: winner.body.name });
    const names = (await api(server, 'GET', '/api/displays', { cookie: admin })).body.displays.map((d: { name: string }) => d.name);
    expect(names.filter((name: string) => name.startsWith('Hội trường '))).toEqual([winner.body.name]);
  });

  it('hands the token once when the screen asks twice at once', async () => {
    const screen = await waitingScreen();
    expect((await pair(screen.code, 'Hỏi hai lần')).status).toBe(201);
    const answers = await Promise.all([claim(screen), claim(screen)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 404]);
    expect(answers.find((answer) => answer.status === 200)!.body).toMatchObject({ status: 'paired', name: 'Hỏi hai lần' });
  });

  it(`limits the codes one address may ask for to ${PAIRINGS_PER_ADDRESS_PER_MINUTE} a minute`, async () => {
    const ask = (ip: string) => api(server, 'POST', '/api/displays/pairings', { headers: { 'x-forwarded-for': ip } });
    for (let i = 0; i < PAIRINGS_PER_ADDRESS_PER_MINUTE; i++) expect((await ask('198.51.100.20')).status).toBe(201);
    expect((await ask('198.51.100.20')).status).toBe(429);
    expect((await ask('198.51.100.21')).status).toBe(201);
  });

  it('leaves the code unclaimed when the display cannot be created, so it can be typed again', async () => {
    const screen = await waitingScreen();
    // The database refuses this one display (a real failure inside the pairing's transaction).
    const refuse =
      server.db.dialect === 'sqlite'
        ? [sql`create trigger refuse_display before insert on access_tokens when new.name = 'Hỏng' begin select raise(abort, 'refused by the test'); end`]
        : [
            sql`create function refuse_display() returns trigger language plpgsql as $$ begin if new.name = 'Hỏng' then raise exception 'refused by the test'; end if; return new; end $$`,
            sql`create trigger refuse_display before insert on access_tokens for each row execute function refuse_display()`,
          ];
    for (const statement of refuse) await sqlRun(server.db, statement);
    try {
      expect((await pair(screen.code, 'Hỏng')).status).toBe(500);
    } finally {
      await sqlRun(server.db, server.db.dialect === 'sqlite' ? sql`drop trigger refuse_display` : sql`drop trigger refuse_display on access_tokens`);
    }
    expect((await pairingRows()).find((row) => row.code === screen.code)).toMatchObject({ display_id: null });
    expect((await claim(screen)).body).toEqual({ status: 'waiting' });
    const paired = await pair(screen.code, 'Lành');
    expect(paired.status).toBe(201);
    expect((await claim(screen)).body).toMatchObject({ status: 'paired', id: paired.body.id, name: 'Lành' });
    const names = (await api(server, 'GET', '/api/displays', { cookie: admin })).body.displays.map((d: { name: string }) => d.name);
    expect(names).not.toContain('Hỏng');
  });

  it('hands no token for a display revoked before its screen took it', async () => {
    const screen = await waitingScreen();
    const paired = await pair(screen.code, 'Thu hồi ngay');
    expect((await api(server, 'DELETE', `/api/displays/${paired.body.id}`, { cookie: admin })).status).toBe(204);
    expect((await claim(screen)).status).toBe(404);
  });

  it(`refuses an admin with 429 after ${WRONG_CODES_PER_MINUTE} wrong codes in a minute, counted in the database across a restart`, async () => {
    const guesser = await newAdmin('pairing.guesser');
    const other = await newAdmin('pairing.other');
    const screen = await waitingScreen();
    const statuses: number[] = [];
    for (let i = 0; i < WRONG_CODES_PER_MINUTE; i++) {
      if (i === WRONG_CODES_PER_MINUTE / 2) await server.restart();
      statuses.push((await pair(wrongCode(), 'Đoán', guesser)).status);
    }
    expect(statuses).toEqual(Array(WRONG_CODES_PER_MINUTE).fill(404));
    const refused = await pair(screen.code, 'Đúng mã', guesser);
    expect(refused).toMatchObject({ status: 429, body: { error: { code: 'rate_limited' } } });
    // Refused, the right code was not used: another admin pairs it.
    expect((await pair(screen.code, 'Đúng mã', other)).status).toBe(201);

    // A minute after the first wrong codes the guesser may type again.
    server.clock.advance(60_000);
    try {
      expect((await pair(wrongCode(), 'Đoán', guesser)).status).toBe(404);
    } finally {
      server.clock.advance(-60_000);
    }
  });

  it('counts ten wrong codes typed at once exactly: the eleventh is refused', async () => {
    const guesser = await newAdmin('pairing.flood');
    const statuses = await Promise.all(Array.from({ length: WRONG_CODES_PER_MINUTE + 2 }, () => pair(wrongCode(), 'Đoán', guesser).then((answer) => answer.status)));
    expect(statuses.filter((status) => status === 404)).toHaveLength(WRONG_CODES_PER_MINUTE);
    expect(statuses.filter((status) => status === 429)).toHaveLength(2);
  });

  it('answers 400 to a malformed request and 401/403 to anyone but an admin, pairing nothing', async () => {
    const screen = await waitingScreen();
    expect((await api(server, 'POST', '/api/displays/pair', { body: { code: screen.code }, cookie: admin })).status).toBe(400);
    expect((await api(server, 'POST', '/api/displays/pairings/claim', { body: { code: screen.code } })).status).toBe(400);
    expect((await api(server, 'POST', '/api/displays/pair', { body: { code: screen.code, name: 'Không đăng nhập' } })).status).toBe(401);
    await server.createUser({ username: 'pairing.viewer', password: 'Pairing-Viewer-2026', role: 'viewer' });
    const viewer = await server.login('pairing.viewer', 'Pairing-Viewer-2026');
    expect((await pair(screen.code, 'Người xem', viewer)).status).toBe(403);
    expect((await claim(screen)).body).toEqual({ status: 'waiting' });
    expect((await pair(screen.code, 'Sau cùng')).status).toBe(201);
  });
});
