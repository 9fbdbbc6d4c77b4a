import type { FastifyInstance } from 'fastify';
import { createUserRequestSchema, resetPasswordRequestSchema, updateAccountRequestSchema, updateUserRequestSchema } from '../../shared/api/users';
import type { AuthService } from '../auth/auth.service';
import { idParams, parseWith, requirePrincipal } from '../http/plumbing';
import type { UsersService } from './users.service';

export function usersRoutes(app: FastifyInstance, auth: AuthService, users: UsersService): void {
  app.get('/api/users', { schema: { tags: ['users'] } }, async (request) => ({ users: await users.list(await requirePrincipal(auth, request)) }));

  app.post('/api/users', { schema: { tags: ['users'], body: createUserRequestSchema } }, async (request, reply) => {
    const principal = await requirePrincipal(auth, request);
    users.authorize(principal);
    const created = await users.create(principal, parseWith(createUserRequestSchema, request.body), request.ip);
    return reply.status(201).send(created);
  });

  app.patch('/api/users/:id', { schema: { tags: ['users'], params: idParams, body: updateUserRequestSchema } }, async (request) => {
    const principal = await requirePrincipal(auth, request);
    users.authorize(principal);
    const { id } = parseWith(idParams, request.params);
    return users.update(principal, id, parseWith(updateUserRequestSchema, request.body), request.ip);
  });

  app.post('/api/users/:id/password', { schema: { tags: ['users'], params: idParams, body: resetPasswordRequestSchema } }, async (request, reply) => {
    const principal = await requirePrincipal(auth, request);
    users.authorize(principal);
    const { id } = parseWith(idParams, request.params);
    const { password } = parseWith(resetPasswordRequestSchema, request.body);
    await users.resetPassword(principal, id, password, request.ip);
    return reply.status(204).send();
  });

  /** The signed-in user's own email and reminder choice. */
  app.get('/api/account', { schema: { tags: ['users'] } }, async (request) => users.account(await requirePrincipal(auth, request)));

  app.patch('/api/account', { schema: { tags: ['users'], body: updateAccountRequestSchema } }, async (request) => {
    const principal = await requirePrincipal(auth, request);
    return users.updateAccount(principal, parseWith(updateAccountRequestSchema, request.body), request.ip);
  });
}
