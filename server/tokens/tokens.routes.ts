import { apiTokenListSchema, createApiTokenRequestSchema, createdApiTokenSchema } from '../../shared/api/tokens';
import type { AuthService } from '../auth/auth.service';
import { noContent } from '../http/answers';
import type { Api } from '../http/openapi';
import { idParams, requirePrincipal } from '../http/plumbing';
import type { TokensService } from './tokens.service';

export function tokensRoutes(app: Api, auth: AuthService, tokens: TokensService): void {
  app.get('/api/tokens', { schema: { tags: ['tokens'], response: { 200: apiTokenListSchema } } }, async (request) => ({ tokens: await tokens.list(await requirePrincipal(auth, request)) }));

  app.post('/api/tokens', { schema: { tags: ['tokens'], body: createApiTokenRequestSchema, response: { 201: createdApiTokenSchema } } }, async (request, reply) => {
    const principal = await requirePrincipal(auth, request);
    tokens.authorize(principal);
    return reply.status(201).send(await tokens.create(principal, request.body, request.ip));
  });

  app.delete('/api/tokens/:id', { schema: { tags: ['tokens'], params: idParams, response: { 204: noContent('Revoked') } } }, async (request, reply) => {
    const principal = await requirePrincipal(auth, request);
    tokens.authorize(principal);
    await tokens.revoke(principal, request.params.id, request.ip);
    return reply.status(204).send();
  });
}
