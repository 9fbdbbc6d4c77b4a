import type { FastifyReply, FastifyRequest } from 'fastify';
import { changePasswordRequestSchema } from '../../shared/api/users';
import { loginRequestSchema, sessionResponseSchema } from '../../shared/api/session';
import { noContent, refusals } from '../http/answers';
import { AppError } from '../http/errors';
import type { Api } from '../http/openapi';
import { requirePrincipal } from '../http/plumbing';
import { SESSION_COOKIE, SESSION_TTL_MS, type AuthService } from './auth.service';

/** Login attempts per client address and minute, whatever the account (per account: AuthService). */
export const LOGINS_PER_ADDRESS_PER_MINUTE = 20;

function setSessionCookie(reply: FastifyReply, request: FastifyRequest, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export function authRoutes(app: Api, auth: AuthService): void {
  app.post(
    '/api/session',
    {
      schema: { tags: ['auth'], body: loginRequestSchema, response: { 200: sessionResponseSchema, ...refusals(401) } },
      config: { public: true, rateLimit: { max: LOGINS_PER_ADDRESS_PER_MINUTE, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      const { token, user } = await auth.login(request.body.username, request.body.password, request.ip);
      setSessionCookie(reply, request, token);
      return { user };
    },
  );

  // The same per-address limit as sign-ins: it checks a password too.
  app.post(
    '/api/session/password',
    {
      schema: { tags: ['auth'], body: changePasswordRequestSchema, response: { 204: noContent('Changed: a new session cookie; every other session of the user ended') } },
      config: { rateLimit: { max: LOGINS_PER_ADDRESS_PER_MINUTE, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      const principal = await requirePrincipal(auth, request);
      if (principal.kind !== 'user') throw new AppError('forbidden', 'only a user has a password');
      const { token } = await auth.changePassword(principal.userId, request.body.currentPassword, request.body.newPassword, request.ip);
      setSessionCookie(reply, request, token);
      return reply.status(204).send();
    },
  );

  app.get('/api/session', { schema: { tags: ['auth'], response: { 200: sessionResponseSchema } } }, async (request) => {
    const principal = await requirePrincipal(auth, request);
    if (principal.kind !== 'user') throw new AppError('unauthenticated', 'no user session: this is a token');
    return {
      user: { id: principal.userId, username: principal.username, displayName: principal.displayName, role: principal.role, unitIds: principal.unitIds },
    };
  });

  app.delete('/api/session', { schema: { tags: ['auth'], response: { 204: noContent('Signed out: the session ended, its cookie cleared') } }, config: { public: true } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await auth.logout(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });
}
