import { describe, expect, it } from 'vitest';
import { freePort, runCli, spawnedServers, waitHealthy } from '../helpers/server-process';
import { api, signIn } from '../helpers/start-test-server';
import { testDialect } from '../helpers/temp-db';

/** These tests start processes one after another: room for a machine under load. */
const SPAWNS = { timeout: 120_000 };

const servers = spawnedServers();
const PASSWORD = 'Admin-Password-1';

/** A running termboard (its own process and database) the console commands work beside. */
async function running() {
  const store = await servers.store();
  const server = servers.start({ ...store.env, ADMIN_PASSWORD: PASSWORD, SEED_DEMO: 'false' }, await freePort());
  await waitHealthy(server);
  return { url: server.url, env: store.env };
}

async function loginStatus(url: string, username: string, password: string): Promise<number> {
  return (await api({ url }, 'POST', '/api/session', { body: { username, password } })).status;
}

describe(`npm run admin (${testDialect})`, SPAWNS, () => {
  it('reset-password gives a forgotten admin a new password, shown once, and ends their sessions', async () => {
    const server = await running();
    const cookie = await signIn(server.url, 'admin', PASSWORD);
    const result = await runCli('admin', ['reset-password', 'admin'], server.env);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const password = /^New password for admin: (\S+) {2}\(shown only this once; their sessions have ended\)\n$/.exec(result.stdout)?.[1];
    expect(password).toHaveLength(18);
    expect(await loginStatus(server.url, 'admin', PASSWORD)).toBe(401);
    expect(await loginStatus(server.url, 'admin', password!)).toBe(200);
    expect((await api(server, 'GET', '/api/session', { cookie })).status).toBe(401);
    const audit = await api(server, 'GET', '/api/audit?action=user.password_reset', { cookie: await signIn(server.url, 'admin', password!) });
    expect(audit.body.entries[0]).toMatchObject({ action: 'user.password_reset', actor: { kind: 'system', name: 'console' } });
  });

  it('create-admin adds an admin with a random password; a taken name is refused', async () => {
    const server = await running();
    const created = await runCli('admin', ['create-admin', 'Truong.Phong'], server.env);
    expect(created.code).toBe(0);
    const password = /^Admin truong\.phong created\. Password: (\S+) /.exec(created.stdout)?.[1];
    expect(password).toBeDefined();
    const cookie = await signIn(server.url, 'truong.phong', password!);
    expect((await api(server, 'GET', '/api/session', { cookie })).body).toMatchObject({ user: { username: 'truong.phong', role: 'admin' } });

    const again = await runCli('admin', ['create-admin', 'admin'], server.env);
    expect(again).toMatchObject({ code: 1, stdout: '', stderr: 'admin: the user name admin is taken (reset its password with reset-password)\n' });
  });

  it('refuses an unknown user, a bad name and a wrong command, changing nothing', async () => {
    const server = await running();
    expect(await runCli('admin', ['reset-password', 'nobody'], server.env)).toMatchObject({ code: 1, stderr: 'admin: there is no user nobody\n' });
    expect(await runCli('admin', ['create-admin', 'a b'], server.env)).toMatchObject({ code: 1, stderr: expect.stringMatching(/^admin: "a b" is not a valid user name/) });
    expect(await runCli('admin', ['drop-everything'], server.env)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^usage: npm run admin -- reset-password <user name>/) });
    expect(await loginStatus(server.url, 'admin', PASSWORD)).toBe(200);
  });
});
