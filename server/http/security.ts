import helmet from 'helmet';
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Security headers, with a Content-Security-Policy that allows no inline script, and the Origin
 * check that (beside SameSite=Lax cookies) keeps other sites from writing with a user's session.
 */
export function installSecurity(app: FastifyInstance, options: { publicUrl?: string | undefined }): void {
  // helmet's middleware built once; @fastify/helmet built it again for every request (2 % of a
  // reading's CPU in a profile of the write path).
  const securityHeaders = helmet({
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
  });
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)));

  // API answers carry boards, users and tokens: no browser or proxy keeps them. An answer that
  // says otherwise (the public logo) keeps its own.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });

  const allowed = options.publicUrl ? new URL(options.publicUrl).host : undefined;
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    const origin = request.headers.origin;
    // Browsers send Origin with every write; integrations (curl, other systems) send none and
    // authenticate with a bearer token, which another site cannot make a browser send.
    if (origin === undefined) return;
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      throw new AppError('forbidden', 'the Origin header is not a URL');
    }
    if (host !== request.host && host !== allowed) throw new AppError('forbidden', `writes from ${origin} are not accepted`);
  });
}
