import {
  accountSchema,
  createUserRequestSchema,
  resetPasswordRequestSchema,
  updateAccountRequestSchema,
  updateUserRequestSchema,
  userListSchema,
  userSchema,
} from '../../shared/api/users';
import type { AuthService } from '../auth/auth.service';
import { noContent, refusals } from '../http/answers';
import type { Api } from '../http/openapi';
import { idParams, requirePrincipal } from '../http/plumbing';
import type { UsersService } from './users.service';

export function usersRoutes(app: Api, auth: AuthService, users: UsersService): void {
  app.get('/api/users', { schema: { tags: ['users'], response: { 200: userListSchema } } }, async (request) => ({ users: await users.list(await requirePrincipal(auth, request)) }));

  app.post('/api/users', { schema: { tags: ['users'], body: createUserRequestSchema, response: { 201: userSchema, ...refusals(409) } } }, async (request, reply) => {
    const principal = await requirePrincipal(auth, request);
    users.authorize(principal);
    const created = await users.create(principal, request.body, request.ip);
    return reply.status(201).send(created);
  });

  app.patch('/api/users/:id', { schema: { tags: ['users'], params: idParams, body: updateUserRequestSchema, response: { 200: userSchema } } }, async (request) => {
    const principal = await requirePrincipal(auth, request);
    users.authorize(principal);
    return users.update(principal, request.params.id, request.body, request.ip);
  });

  app.post('/api/users/:id/password', { schema: { tags: ['users'], params: idParams, body: resetPasswordRequestSchema, response: { 204: noContent('Set: the user\'s sessions ended') } } }, async (request, reply) => {
    const principal = await requirePrincipal(auth, request);
    users.authorize(principal);
    await users.resetPassword(principal, request.params.id, request.body.password, request.ip);
    return reply.status(204).send();
  });

  /** The signed-in user's own email and reminder choice. */
  app.get('/api/account', { schema: { tags: ['users'], response: { 200: accountSchema } } }, async (request) => users.account(await requirePrincipal(auth, request)));

  app.patch('/api/account', { schema: { tags: ['users'], body: updateAccountRequestSchema, response: { 200: accountSchema } } }, async (request) => {
    const principal = await requirePrincipal(auth, request);
    return users.updateAccount(principal, request.body, request.ip);
  });
}
