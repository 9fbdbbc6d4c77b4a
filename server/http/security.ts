import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Security headers, with a Content-Security-Policy that allows no inline script, and the Origin
 * check that (beside SameSite=Lax cookies) keeps other sites from writing with a user's session.
 */
export function installSecurity(app: FastifyInstance, options: { publicUrl?: string | undefined }): void {
  // helmet's headers do not depend on the request (no CSP nonce): they are worked out once, by
  // running its middleware on a response that records them, and every answer gets the list
  // (running the middleware on each request was 1.6 % of a reading's CPU; @fastify/helmet
  // before it built the middleware again each time).
  const securityHeaders = recordedHeaders(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          // Vite inlines small font files as data: URLs.
          fontSrc: ["'self'", 'data:'],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      // Screens link to nothing; the display link carries its token: send no referrer anywhere.
      referrerPolicy: { policy: 'no-referrer' },
      // Served over plain HTTP on a LAN as often as behind TLS: HSTS belongs to the TLS proxy.
      strictTransportSecurity: false,
    }),
  );
  app.addHook('onRequest', (request, reply, done) => {
    for (const [name, value] of securityHeaders) reply.raw.setHeader(name, value);
    done();
  });

  // API answers carry boards, users and tokens: no browser or proxy keeps them. An answer that
  // says otherwise (the public logo) keeps its own.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });

  const allowed = options.publicUrl ? new URL(options.publicUrl).host : undefined;
  app.addHook('onRequest', (request, reply, done) => {
    const origin = request.headers.origin;
    // Browsers send Origin with every write; integrations (curl, other systems) send none and
    // authenticate with a bearer token, which another site cannot make a browser send.
    if (SAFE_METHODS.has(request.method) || origin === undefined) return done();
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return done(new AppError('forbidden', 'the Origin header is not a URL'));
    }
    if (host !== request.host && host !== allowed) return done(new AppError('forbidden', `writes from ${origin} are not accepted`));
    done();
  });
}

/** The headers a request-independent middleware (helmet's) sets, recorded from one run of it. */
function recordedHeaders(middleware: (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void): Array<[string, string]> {
  const headers: Array<[string, string]> = [];
  const recorder = {
    setHeader: (name: string, value: string) => headers.push([name, value]),
    // helmet takes X-Powered-By off (Express sets it; Node's http and Fastify do not).
    removeHeader: () => undefined,
  };
  let failed: unknown;
  middleware({ headers: {} } as IncomingMessage, recorder as unknown as ServerResponse, (error) => (failed = error));
  if (failed) throw failed;
  return headers;
}
