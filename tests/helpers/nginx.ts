import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SAMPLE = join(import.meta.dirname, '..', '..', 'docs', 'deployment', 'termboard.nginx.conf');
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));

export interface Nginx {
  url: string;
  stop(): Promise<void>;
}

/**
 * Runs Debian's nginx with the sample configuration of docs/deployment, only its upstream servers
 * and listen address replaced: the sample itself is what is tested.
 */
export async function startNginx(upstreams: string[], port: number): Promise<Nginx> {
  if (!NGINX) throw new Error('nginx is not installed: run .ci/services.sh (it installs nginx-light)');
  const sample = readFileSync(SAMPLE, 'utf8');
  const servers = [...sample.matchAll(/^\s*server \d+\.\d+\.\d+\.\d+:\d+(.*);$/gm)];
  if (servers.length === 0 || !/^\s*listen 80;$/m.test(sample)) throw new Error('the nginx sample no longer has the upstream servers or listen line this test replaces');
  const options = servers[0]![1];
  const site = sample
    .replace(/(^\s*server \d+\.\d+\.\d+\.\d+:\d+.*;\n)+/m, upstreams.map((address) => `    server ${address}${options};\n`).join(''))
    .replace(/^\s*listen 80;$/m, `    listen 127.0.0.1:${port};`);
  const prefix = mkdtempSync(join(tmpdir(), 'termboard-nginx-'));
  for (const dir of ['logs', 'temp']) mkdirSync(join(prefix, dir));
  const temp = join(prefix, 'temp');
  writeFileSync(
    join(prefix, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${join(prefix, 'nginx.pid')};`,
      `error_log ${join(prefix, 'logs', 'error.log')} warn;`,
      // Run as whoever started it (root in CI would switch workers to nobody, who cannot read the prefix).
      process.getuid?.() === 0 ? 'user root;' : '',
      'events { worker_connections 4096; }',
      'http {',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${join(temp, kind)};`),
      site,
      '}',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(NGINX, ['-p', prefix, '-c', join(prefix, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited:\n${output}\n${readLog(prefix)}`);
    try {
      await fetch(`${url}/api/health`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not listen:\n${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}

function readLog(prefix: string): string {
  const log = join(prefix, 'logs', 'error.log');
  return existsSync(log) ? readFileSync(log, 'utf8') : '';
}
