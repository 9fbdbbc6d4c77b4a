/**
 * Pictures of the weekly report for docs/screenshots: a test server on a temp database with the
 * demo term, the built client, an export as the server makes it, its PDF's first two pages
 * drawn by pdftoppm (poppler-utils) as a person's PDF viewer would.
 *
 *   npm run build && npx tsx scripts/report-screenshots.ts [outDir]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, startTestServer, TestClock } from '../tests/helpers/start-test-server';

const outDir = process.argv[2] ?? join(import.meta.dirname, '..', 'docs', 'screenshots');
const server = await startTestServer({ clock: new TestClock('real'), clientDir: join(import.meta.dirname, '..', 'dist', 'client') });
const temp = mkdtempSync(join(tmpdir(), 'termboard-report-'));
try {
  const admin = await server.login();
  const { id } = (await api(server, 'POST', '/api/exports', { body: {}, cookie: admin })).body as { id: number };
  await server.app.exports.idle();
  const done = (await api(server, 'GET', `/api/exports/${id}`, { cookie: admin })).body as { status: string; error?: string; files: Array<{ type: string; url: string }> };
  if (done.status !== 'done') throw new Error(`export ${done.status}: ${done.error}`);
  const pdf = join(temp, 'report.pdf');
  const url = done.files.find((file) => file.type === 'application/pdf')!.url;
  writeFileSync(pdf, Buffer.from(await (await fetch(`${server.url}${url}`, { headers: { cookie: admin } })).arrayBuffer()));
  for (const [page, name] of [[1, 'report-cover-a4'], [2, 'report-group-a4']] as const) {
    execFileSync('pdftoppm', ['-r', '110', '-png', '-singlefile', '-f', String(page), '-l', String(page), pdf, join(outDir, name)]);
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
  await server.close();
}
