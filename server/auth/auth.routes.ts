import type { FastifyInstance } from 'fastify';
import { loginRequestSchema, type SessionResponse } from '../../shared/api/session';
import { AppError } from '../http/errors';
import { parseWith, requirePrincipal } from '../http/plumbing';
import { SESSION_COOKIE, SESSION_TTL_MS, type AuthService } from './auth.service';

export function authRoutes(app: FastifyInstance, auth: AuthService): void {
  app.post('/api/session', async (request, reply) => {
    const { username, password } = parseWith(loginRequestSchema, request.body);
    const { token, user } = await auth.login(username, password);
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: request.protocol === 'https',
      maxAge: SESSION_TTL_MS / 1000,
    });
    return { user } satisfies SessionResponse;
  });

  app.get('/api/session', async (request) => {
    const principal = requirePrincipal(auth, request);
    if (principal.kind !== 'user') throw new AppError('unauthenticated', 'no user session: this is a token');
    return {
      user: { id: principal.userId, username: principal.username, displayName: principal.displayName, role: principal.role, unitIds: principal.unitIds },
    } satisfies SessionResponse;
  });

  app.delete('/api/session', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) auth.logout(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });
}
