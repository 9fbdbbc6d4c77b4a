import type { FastifyInstance } from 'fastify';
import { createApiTokenRequestSchema } from '../../shared/api/tokens';
import type { AuthService } from '../auth/auth.service';
import { idParams, parseWith, requirePrincipal } from '../http/plumbing';
import type { TokensService } from './tokens.service';

export function tokensRoutes(app: FastifyInstance, auth: AuthService, tokens: TokensService): void {
  app.get('/api/tokens', { schema: { tags: ['tokens'] } }, async (request) => ({ tokens: await tokens.list(await requirePrincipal(auth, request)) }));

  app.post('/api/tokens', { schema: { tags: ['tokens'], body: createApiTokenRequestSchema } }, async (request, reply) => {
    const principal = await requirePrincipal(auth, request);
    tokens.authorize(principal);
    return reply.status(201).send(await tokens.create(principal, parseWith(createApiTokenRequestSchema, request.body), request.ip));
  });

  app.delete('/api/tokens/:id', { schema: { tags: ['tokens'], params: idParams } }, async (request, reply) => {
    const principal = await requirePrincipal(auth, request);
    tokens.authorize(principal);
    const { id } = parseWith(idParams, request.params);
    await tokens.revoke(principal, id, request.ip);
    return reply.status(204).send();
  });
}
