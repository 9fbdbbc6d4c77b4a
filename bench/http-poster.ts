import { connect, type Socket } from 'node:net';

/**
 * A lean JSON client for the benchmarks' posters: HTTP/1.1 written and read by hand on kept-alive
 * sockets, one request at a time on each. The posters share the 2-core bench machine with the
 * server they measure, so their CPU is taken from it: `fetch` (undici) spent ~0.9 ms a request,
 * node:http ~0.2–0.4 ms, this about half of node:http's (docs/performance.md). It reads what the
 * benchmarks' servers answer (a `content-length`, or chunks) and refuses anything else. Clients of
 * the real product run on other machines.
 */
export function httpPoster(baseUrl: string, headers: Record<string, string> = {}, connections = 8) {
  const url = new URL(baseUrl);
  const fixedHeaders = Object.entries({ host: url.host, connection: 'keep-alive', ...headers })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  const idle: Connection[] = [];
  const all: Connection[] = [];
  const queue: Array<{ request: Buffer; resolve: (answer: { status: number; body: unknown }) => void; reject: (error: unknown) => void }> = [];

  function take(): void {
    while (queue.length > 0) {
      let connection = idle.pop();
      if (!connection) {
        if (all.length >= connections) return;
        connection = new Connection(connect({ host: url.hostname, port: Number(url.port) }), (gone) => {
          for (const list of [all, idle]) {
            const index = list.indexOf(gone);
            if (index >= 0) list.splice(index, 1);
          }
        });
        all.push(connection);
      }
      const next = queue.shift()!;
      connection.send(next.request).then(
        (answer) => {
          idle.push(connection);
          next.resolve(answer);
          take();
        },
        (error: unknown) => {
          next.reject(error);
          take();
        },
      );
    }
  }

  return {
    /** Sends `body` (if any) as JSON; resolves with the status and the parsed answer. */
    send<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
      const payload = body === undefined ? '' : JSON.stringify(body);
      const head = `${method} ${path} HTTP/1.1\r\n${fixedHeaders}${payload ? `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(payload)}\r\n` : ''}\r\n`;
      return new Promise((resolve, reject) => {
        queue.push({ request: Buffer.from(head + payload), resolve: resolve as (answer: { status: number; body: unknown }) => void, reject });
        take();
      });
    },
    post<T>(path: string, body: unknown): Promise<{ status: number; body: T }> {
      return this.send<T>('POST', path, body);
    },
    close(): void {
      for (const connection of all.splice(0)) connection.close();
      idle.length = 0;
    },
  };
}

const HEAD_END = Buffer.from('\r\n\r\n');

/** One kept-alive socket: a request is written, its answer read (status line, content-length, body). */
class Connection {
  private buffered: Buffer = Buffer.alloc(0);
  private waiting: { resolve: (answer: { status: number; body: unknown }) => void; reject: (error: unknown) => void } | undefined;

  constructor(
    private readonly socket: Socket,
    gone: (connection: Connection) => void,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.read(chunk));
    const fail = (error: unknown) => {
      gone(this);
      this.waiting?.reject(error);
      this.waiting = undefined;
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('the server closed the connection')));
  }

  send(request: Buffer): Promise<{ status: number; body: unknown }> {
    if (this.socket.destroyed) return Promise.reject(new Error('the connection is closed'));
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(request);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private read(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const headEnd = this.buffered.indexOf(HEAD_END);
    if (headEnd < 0) return;
    const head = this.buffered.toString('latin1', 0, headEnd);
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    const body = length ? this.sized(headEnd + 4, Number(length[1])) : /\r\ntransfer-encoding: *chunked/i.test(head) ? this.chunked(headEnd + 4) : null;
    if (body === undefined) return;
    const waiting = this.waiting;
    this.waiting = undefined;
    if (body === null) {
      waiting?.reject(new Error(`an answer with neither content-length nor chunks: ${head}`));
      this.socket.destroy();
      return;
    }
    try {
      waiting?.resolve({ status: Number(head.slice(9, 12)), body: body === '' ? undefined : JSON.parse(body) });
    } catch (error) {
      waiting?.reject(error);
    }
  }

  /** The body of `length` bytes from `start`, taken off the buffer; undefined until it is all there. */
  private sized(start: number, length: number): string | undefined {
    if (this.buffered.length < start + length) return undefined;
    const text = this.buffered.toString('utf8', start, start + length);
    this.buffered = this.buffered.subarray(start + length);
    return text;
  }

  /** A chunked body from `start` (what node:http sends after writeHead), taken off the buffer; undefined until it is all there. */
  private chunked(start: number): string | undefined {
    const parts: Buffer[] = [];
    let at = start;
    for (;;) {
      const lineEnd = this.buffered.indexOf('\r\n', at);
      if (lineEnd < 0) return undefined;
      const size = parseInt(this.buffered.toString('latin1', at, lineEnd), 16);
      if (size === 0) {
        if (this.buffered.length < lineEnd + 4) return undefined;
        this.buffered = this.buffered.subarray(lineEnd + 4);
        return Buffer.concat(parts).toString('utf8');
      }
      if (this.buffered.length < lineEnd + 2 + size + 2) return undefined;
      parts.push(this.buffered.subarray(lineEnd + 2, lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
  }
}
