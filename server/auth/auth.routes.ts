import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { changePasswordRequestSchema } from '../../shared/api/users';
import { loginRequestSchema, type SessionResponse } from '../../shared/api/session';
import { AppError } from '../http/errors';
import { parseWith, requirePrincipal } from '../http/plumbing';
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

export function authRoutes(app: FastifyInstance, auth: AuthService): void {
  app.post('/api/session', { schema: { tags: ['auth'], body: loginRequestSchema }, config: { rateLimit: { max: LOGINS_PER_ADDRESS_PER_MINUTE, timeWindow: 60_000 } } }, async (request, reply) => {
    const { username, password } = parseWith(loginRequestSchema, request.body);
    const { token, user } = await auth.login(username, password, request.ip);
    setSessionCookie(reply, request, token);
    return { user } satisfies SessionResponse;
  });

  // The same per-address limit as sign-ins: it checks a password too.
  app.post('/api/session/password', { schema: { tags: ['auth'], body: changePasswordRequestSchema }, config: { rateLimit: { max: LOGINS_PER_ADDRESS_PER_MINUTE, timeWindow: 60_000 } } }, async (request, reply) => {
    const principal = await requirePrincipal(auth, request);
    if (principal.kind !== 'user') throw new AppError('forbidden', 'only a user has a password');
    const { currentPassword, newPassword } = parseWith(changePasswordRequestSchema, request.body);
    const { token } = await auth.changePassword(principal.userId, currentPassword, newPassword, request.ip);
    setSessionCookie(reply, request, token);
    return reply.status(204).send();
  });

  app.get('/api/session', { schema: { tags: ['auth'] } }, async (request) => {
    const principal = await requirePrincipal(auth, request);
    if (principal.kind !== 'user') throw new AppError('unauthenticated', 'no user session: this is a token');
    return {
      user: { id: principal.userId, username: principal.username, displayName: principal.displayName, role: principal.role, unitIds: principal.unitIds },
    } satisfies SessionResponse;
  });

  app.delete('/api/session', { schema: { tags: ['auth'] } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await auth.logout(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });
}
