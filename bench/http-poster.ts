import { Agent, request } from 'node:http';

/**
 * A lean JSON client for the benchmarks' posters: node:http on kept-alive connections. `fetch`
 * (undici) spends ~0.9 ms of CPU a request on the 2-core bench machine, which the posters then
 * take from the server they measure (docs/performance.md); this spends a fraction of that.
 * Clients of the real product run on other machines.
 */
export function httpPoster(baseUrl: string, headers: Record<string, string> = {}, connections = 8) {
  const url = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  return {
    /** Sends `body` (if any) as JSON; resolves with the status and the parsed answer. */
    send<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const sent: Record<string, string | number> = { ...headers };
      if (payload !== undefined) Object.assign(sent, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
      return new Promise((resolve, reject) => {
        const req = request({ agent, host: url.hostname, port: url.port, path, method, headers: sent }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            try {
              resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as T });
            } catch (error) {
              reject(error);
            }
          });
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(payload);
      });
    },
    post<T>(path: string, body: unknown): Promise<{ status: number; body: T }> {
      return this.send<T>('POST', path, body);
    },
    close(): void {
      agent.destroy();
    },
  };
}
